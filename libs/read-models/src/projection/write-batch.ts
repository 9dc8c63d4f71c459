import type { Transaction } from 'kysely';
import type { ReadStore } from '../db/connect';
import { inBatchTransaction, type BatchOps } from '../db/batch-ops';
import type { CaseSummaryRow, ParkedStreamRow, ReadModelTables, Tables, TimelineRow } from '../db/schema';
import { CountDeltas } from './case-counts';

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
  /** Timeline rows taken back (a rebuild's case parked late): a case's rows from a revision on. */
  cuts?: Array<{ caseId: string; fromRevision: number }>;
  /** The timeline rows are all new and the table has no key yet (a rebuild's). */
  appendOnly?: boolean;
  beforeCommit?: () => void;
}

/**
 * Takes the checkpoint row first in a Kysely transaction and returns its position (for the
 * rebuild's swap). PostgreSQL: `FOR UPDATE`. SQLite: a no-op write first, so the transaction
 * holds the write lock (waiting on busy_timeout) before it reads.
 */
export async function lockCheckpoint(
  read: ReadStore,
  trx: Transaction<ReadModelTables>,
  name: string,
): Promise<string | null> {
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

/** Replaces summary rows (and removes those of `removed`), keeping the counts in step in the same transaction. */
export async function writeSummaries(
  ops: BatchOps,
  tables: Tables,
  summaries: readonly CaseSummaryRow[],
  removed: readonly string[] = [],
): Promise<void> {
  if (!summaries.length && !removed.length) return;
  // One row per case (the last given): each old row is taken out of the counts once.
  const rows = [...new Map(summaries.map((s) => [s.case_id, s])).values()];
  const deltas = new CountDeltas();
  const old = new Map<string, CaseSummaryRow>();
  for (const row of await ops.summariesOf(tables.summary, [...new Set([...rows.map((s) => s.case_id), ...removed])])) {
    old.set(row.case_id, row);
    deltas.add(row, -1);
  }
  for (const row of rows) deltas.add(row, 1);
  await ops.upsertSummaries(tables.summary, rows, old);
  for (const caseId of removed) await ops.deleteSummary(tables.summary, caseId);
  await ops.addCounts(tables.counts, deltas.rows());
}

/** Rows, counts and checkpoint in one transaction; false (and nothing written) if the checkpoint moved. */
export async function writeBatch(read: ReadStore, tables: Tables, batch: Batch): Promise<boolean> {
  const written = await inBatchTransaction(read, async (ops) => {
    if ((await ops.lockCheckpoint(tables.checkpoint)) !== batch.expected) return false;
    // A retry may have un-parked a case since the batch read the parked set: its skipped events would be lost.
    const skipped = batch.skipped ?? [];
    if (skipped.length && (await ops.countParked(tables.checkpoint, skipped)) !== skipped.length) return false;
    await writeSummaries(ops, tables, batch.summaries);
    for (const cut of batch.cuts ?? []) await ops.deleteTimeline(tables.timeline, cut.caseId, cut.fromRevision);
    await ops.insertTimeline(tables.timeline, batch.timeline, batch.appendOnly);
    await ops.park(batch.parked ?? []);
    await ops.setCheckpoint(tables.checkpoint, batch.next);
    batch.beforeCommit?.();
    return true;
  });
  return written === true;
}
