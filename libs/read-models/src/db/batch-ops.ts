import type { Kysely } from 'kysely';
import type { ReadStore } from './connect';
import type { CaseCountRow, CaseSummaryRow, ParkedStreamRow, ReadModelTables, Tables, TimelineRow } from './schema';
import { postgresOps } from './postgres-ops';
import { sqliteOps } from './sqlite-ops';

/** What the count keys of a summary row are read from: its old values, before a batch replaces it. */
export type CountedColumns = Pick<
  CaseSummaryRow,
  | 'case_id'
  | 'creditor_id'
  | 'status'
  | 'open_deadline_due_at'
  | 'limitation_date'
  | 'outstanding'
  | 'disputed'
  | 'collectable'
>;

/**
 * The statements of a projection batch, run inside one transaction that took the checkpoint
 * row first. SQLite: cached better-sqlite3 statements, one row at a time (nothing is cheaper
 * in-process). PostgreSQL: one multi-row statement per table and batch (round trips are what cost).
 */
export interface BatchOps {
  /** Kysely on the transaction, for the statements off the hot path. */
  db: Kysely<ReadModelTables>;
  /** Takes the checkpoint row (the write lock on SQLite, `FOR UPDATE` on PostgreSQL) and returns its position. */
  lockCheckpoint(name: string): Promise<string | null>;
  setCheckpoint(name: string, position: string): Promise<void>;
  /** How many of these cases are parked by the projection. */
  countParked(projection: string, caseIds: readonly string[]): Promise<number>;
  park(rows: readonly ParkedStreamRow[]): Promise<void>;
  /** The rows as they stand (each new row replaces one of these, or is new). */
  summariesOf(table: Tables['summary'], caseIds: readonly string[]): Promise<CaseSummaryRow[]>;
  /**
   * Writes the rows over `old` (the same cases' rows as they stood). SQLite updates only the
   * columns that changed, so only the indexes on those are touched (setting a column to its own
   * value still rewrites every index on it).
   */
  upsertSummaries(
    table: Tables['summary'],
    rows: readonly CaseSummaryRow[],
    old?: ReadonlyMap<string, CaseSummaryRow>,
  ): Promise<void>;
  deleteSummary(table: Tables['summary'], caseId: string): Promise<void>;
  /** `appendOnly`: rows known to be new, into a table that gets its key only later (a rebuild's). */
  insertTimeline(table: Tables['timeline'], rows: readonly TimelineRow[], appendOnly?: boolean): Promise<void>;
  /** A case's timeline rows from `fromRevision` on. */
  deleteTimeline(table: Tables['timeline'], caseId: string, fromRevision?: number): Promise<void>;
  /** Adds each delta to its count (zero counts are removed). */
  addCounts(table: Tables['counts'], deltas: readonly CaseCountRow[]): Promise<void>;
}

/**
 * Runs `work` in one read-model transaction and commits it, unless `work` returns false (then
 * it rolls back) or throws. On SQLite it holds Kysely's connection throughout, so no other
 * query runs inside it or between its statements.
 */
export async function inBatchTransaction<T>(
  read: ReadStore,
  work: (ops: BatchOps) => Promise<T | false>,
): Promise<T | false> {
  if (read.sqlite) {
    const sqlite = read.sqlite;
    return read.db.connection().execute(async (db) => {
      // IMMEDIATE: the write lock first (waiting on busy_timeout), before the checkpoint is read.
      sqlite.prepare('BEGIN IMMEDIATE').run();
      try {
        const result = await work(sqliteOps(sqlite, db));
        sqlite.prepare(result === false ? 'ROLLBACK' : 'COMMIT').run();
        return result;
      } catch (error) {
        if (sqlite.db.inTransaction) sqlite.prepare('ROLLBACK').run();
        throw error;
      }
    });
  }
  let outcome: T | false = false;
  try {
    await read.db.transaction().execute(async (trx) => {
      outcome = await work(postgresOps(trx));
      if (outcome === false) throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return outcome;
}

const ROLLBACK = Symbol('rollback');
