import type { ReadStore } from '../db/connect';
import type { CaseSummaryRow, TimelineRow, TABLES } from '../db/schema';

type Tables = (typeof TABLES)[keyof typeof TABLES];
const CHUNK = 200;

interface Batch {
  /** The checkpoint the batch was read after (null: from the start). */
  expected: string | null;
  next: string;
  summaries: CaseSummaryRow[];
  timeline: TimelineRow[];
  beforeCommit?: () => void;
}

/** Rows and checkpoint in one transaction; false (and nothing written) if the checkpoint moved. */
export async function writeBatch(read: ReadStore, tables: Tables, batch: Batch): Promise<boolean> {
  return read.db.transaction().execute(async (trx) => {
    let current = trx.selectFrom('rm_checkpoints').select('position').where('name', '=', tables.checkpoint);
    if (read.dialect === 'postgres') current = current.forUpdate();
    const row = await current.executeTakeFirst();
    if ((row?.position ?? null) !== batch.expected) return false;
    for (let i = 0; i < batch.summaries.length; i += CHUNK) {
      const rows = batch.summaries.slice(i, i + CHUNK);
      await trx
        .insertInto(tables.summary)
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
    for (let i = 0; i < batch.timeline.length; i += CHUNK) {
      await trx
        .insertInto(tables.timeline)
        .values(batch.timeline.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['case_id', 'revision']).doNothing())
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
