import type { Transaction } from 'kysely';
import type { ReadStore } from '../db/connect';
import type { CaseSummaryRow, ParkedStreamRow, ReadModelTables, TimelineRow, TABLES } from '../db/schema';

type Tables = (typeof TABLES)[keyof typeof TABLES];
type Trx = Transaction<ReadModelTables>;
const CHUNK = 200;

interface Batch {
  /** The checkpoint the batch was read after (null: from the start). */
  expected: string | null;
  next: string;
  summaries: CaseSummaryRow[];
  timeline: TimelineRow[];
  /** Streams this batch parks, in the same transaction as its rows and checkpoint. */
  parked?: ParkedStreamRow[];
  /** Parked cases whose events this batch skipped: still parked at commit, or the batch is void. */
  skipped?: string[];
  beforeCommit?: () => void;
}

/**
 * Takes the checkpoint row before anything else in the transaction and returns its position.
 * PostgreSQL: `FOR UPDATE`. SQLite: a no-op write first, so the transaction holds the write lock
 * (waiting on busy_timeout) before it reads; a read first and a write later fails at once with
 * SQLITE_BUSY when another process (a rebuild, a retry) wrote in between.
 */
export async function lockCheckpoint(read: ReadStore, trx: Trx, name: string): Promise<string | null> {
  if (read.dialect === 'sqlite') {
    await trx
      .updateTable('rm_checkpoints')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('name', '=', name)
      .execute();
  }
  let current = trx.selectFrom('rm_checkpoints').select('position').where('name', '=', name);
  if (read.dialect === 'postgres') current = current.forUpdate();
  return (await current.executeTakeFirst())?.position ?? null;
}

export async function upsertSummaries(trx: Trx, table: Tables['summary'], summaries: CaseSummaryRow[]): Promise<void> {
  for (let i = 0; i < summaries.length; i += CHUNK) {
    const rows = summaries.slice(i, i + CHUNK);
    await trx
      .insertInto(table)
      .values(rows)
      .onConflict((oc) =>
        oc.column('case_id').doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const column of Object.keys(rows[0]) as Array<keyof CaseSummaryRow>) {
            if (column !== 'case_id') set[column] = eb.ref(`excluded.${column}`);
          }
          return set as never;
        }),
      )
      .execute();
  }
}

export async function insertTimeline(trx: Trx, table: Tables['timeline'], timeline: TimelineRow[]): Promise<void> {
  for (let i = 0; i < timeline.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(timeline.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['case_id', 'revision']).doNothing())
      .execute();
  }
}

/** Rows and checkpoint in one transaction; false (and nothing written) if the checkpoint moved. */
export async function writeBatch(read: ReadStore, tables: Tables, batch: Batch): Promise<boolean> {
  return read.db.transaction().execute(async (trx) => {
    if ((await lockCheckpoint(read, trx, tables.checkpoint)) !== batch.expected) return false;
    if (batch.skipped?.length && !(await stillParked(trx, tables.checkpoint, batch.skipped))) return false;
    await upsertSummaries(trx, tables.summary, batch.summaries);
    await insertTimeline(trx, tables.timeline, batch.timeline);
    for (const row of batch.parked ?? []) {
      await trx
        .insertInto('rm_parked_streams')
        .values(row)
        .onConflict((oc) => oc.columns(['projection', 'case_id']).doNothing())
        .execute();
    }
    await trx
      .insertInto('rm_checkpoints')
      .values({ name: tables.checkpoint, position: batch.next, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('name').doUpdateSet({ position: batch.next, updated_at: new Date().toISOString() }))
      .execute();
    batch.beforeCommit?.();
    return true;
  });
}

/** A retry may have un-parked a case since the batch read the parked set: its skipped events would be lost. */
async function stillParked(trx: Trx, projection: string, caseIds: string[]): Promise<boolean> {
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const chunk = caseIds.slice(i, i + CHUNK);
    const rows = await trx
      .selectFrom('rm_parked_streams')
      .select('case_id')
      .where('projection', '=', projection)
      .where('case_id', 'in', chunk)
      .execute();
    if (rows.length !== chunk.length) return false;
  }
  return true;
}
