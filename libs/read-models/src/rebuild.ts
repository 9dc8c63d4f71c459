import type { EventStore, Position } from '@app/event-store';
import type { ReadStore } from './db/connect';
import { createDeferredKeys, createTables, dropTables, indexTag } from './db/migrations';
import { TABLES } from './db/schema';
import type { EventHook } from './projection/case-run';
import { CaseProjector } from './projection/projector';
import { lockCheckpoint } from './projection/write-batch';

export interface RebuildProgress {
  projected: number;
  position: Position;
  head: Position | null;
}

/**
 * Rebuilds every read model from position zero into fresh tables while the live ones keep
 * serving, then swaps them in (one transaction) with the rebuild's checkpoint: the live
 * projector carries on from there. A case the rebuild cannot fold is parked, not fatal; its
 * parked rows replace the live ones at the swap.
 */
export async function rebuildReadModels(
  store: EventStore,
  read: ReadStore,
  onProgress?: (p: RebuildProgress) => void,
  options: { onEvent?: EventHook; batchSize?: number; cacheSize?: number } = {},
): Promise<number> {
  await dropTables(read.db, 'next');
  // The timeline's key and the summaries' indexes are built once the rows are in: far cheaper than row by row.
  const tag = indexTag('next');
  await createTables(read.db, 'next', { indexes: false, tag });
  await read.db.deleteFrom('rm_checkpoints').where('name', '=', TABLES.next.checkpoint).execute();
  await read.db.deleteFrom('rm_parked_streams').where('projection', '=', TABLES.next.checkpoint).execute();
  const [head] = await store.readAll({ direction: 'backwards', maxCount: 1, filter: { streamPrefixes: ['case-'] } });
  const projector = new CaseProjector(store, read, {
    generation: 'next',
    batchSize: options.batchSize ?? REBUILD_BATCH,
    cacheSize: options.cacheSize ?? REBUILD_CACHE,
    onEvent: options.onEvent,
    rebuilding: true,
  });
  let projected = 0;
  for (;;) {
    const n = await projector.pass();
    if (n === 0) break;
    projected += n;
    if (projector.position !== 'start')
      onProgress?.({ projected, position: projector.position, head: head?.position ?? null });
    // Between batches, timers and I/O get their turn (a progress bar, a signal).
    await new Promise((resolve) => setImmediate(resolve));
  }
  await projector.flush();
  await createDeferredKeys(read.db, 'next', tag);
  await swapIn(read);
  return projected;
}

/** Events per transaction: a rebuild starts again from zero after a crash, so only memory bounds it. */
const REBUILD_BATCH = 5000;
/** Folded cases kept: a case is refolded from its stream when it comes back after more than this many others. */
const REBUILD_CACHE = 20_000;

async function swapIn(read: ReadStore): Promise<void> {
  await read.db.transaction().execute(async (trx) => {
    // The live projector takes this row first in each of its batches, so it waits for the swap.
    await lockCheckpoint(read, trx, TABLES.live.checkpoint);
    const rebuilt = await trx
      .selectFrom('rm_checkpoints')
      .select('position')
      .where('name', '=', TABLES.next.checkpoint)
      .executeTakeFirst();
    if (rebuilt) {
      await trx
        .insertInto('rm_checkpoints')
        .values({ name: TABLES.live.checkpoint, position: rebuilt.position, updated_at: new Date().toISOString() })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ position: rebuilt.position, updated_at: new Date().toISOString() }),
        )
        .execute();
    } else {
      await trx.deleteFrom('rm_checkpoints').where('name', '=', TABLES.live.checkpoint).execute();
    }
    await trx.deleteFrom('rm_checkpoints').where('name', '=', TABLES.next.checkpoint).execute();
    // What the rebuild parked is what is parked now: the live rows it replaces were folded by older code.
    await trx.deleteFrom('rm_parked_streams').where('projection', '=', TABLES.live.checkpoint).execute();
    await trx
      .updateTable('rm_parked_streams')
      .set({ projection: TABLES.live.checkpoint })
      .where('projection', '=', TABLES.next.checkpoint)
      .execute();
    for (const table of ['timeline', 'summary', 'counts'] as const) {
      await trx.schema.dropTable(TABLES.live[table]).execute();
      await trx.schema.alterTable(TABLES.next[table]).renameTo(TABLES.live[table]).execute();
    }
  });
}
