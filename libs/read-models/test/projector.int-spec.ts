import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@app/event-store';
import { CaseProjector, listParked, rebuildReadModels, type ReadStore } from '../src';
import { realisticCases } from '@app/case-domain/testing';
import { seedRealistic } from './seed';
import { readStores, snapshot } from './stores';

// Realistic data on PostgreSQL takes a few seconds on a busy two-core machine.
jest.setTimeout(30_000);

const STORES = readStores('The projector');

const until = async (done: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 1000 && !(await done()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe.each(STORES)('the projector on %s', (_, open) => {
  let events: SqliteEventStore;
  let read: ReadStore;
  beforeEach(async () => {
    events = new SqliteEventStore({ file: ':memory:' });
    read = await open();
  });
  afterEach(async () => {
    await read?.close();
    await events.close();
  });

  it('given more interleaved cases than its cache holds, then it keeps only that many and folds the others again from their streams, with the rows of a clean rebuild', async () => {
    await seedRealistic(events, { seed: 31, cases: 120 });
    const projector = new CaseProjector(events, read, { batchSize: 50, cacheSize: 3 });
    await projector.catchUp();
    const stats = projector.cacheStats();
    expect(stats.size).toBeLessThanOrEqual(3);
    expect(stats.misses).toBeGreaterThan(50);
    const live = await snapshot(read);
    await rebuildReadModels(events, read);
    expect(await snapshot(read)).toEqual(live);
  });

  it('given a rebuild whose cache is smaller than the cases, then the summaries it writes as cases leave the cache and at its end are those of the live projection', async () => {
    await seedRealistic(events, { seed: 32, cases: 150 });
    await new CaseProjector(events, read, { batchSize: 41 }).catchUp();
    const live = await snapshot(read);
    await rebuildReadModels(events, read, undefined, { cacheSize: 2, batchSize: 23 });
    expect(await snapshot(read)).toEqual(live);
  });

  it('given a case that cannot be summarised, when rebuilt with a small cache, then it is parked at the same event and its rows are those of the live projection', async () => {
    await seedRealistic(events, { seed: 33, cases: 40 });
    const [victim] = await events.readAll({ maxCount: 1 });
    const at = 'not a time';
    await events.append(
      victim.streamId,
      [{ id: randomUUID(), type: 'ClaimWithdrawn', data: { at, reason: 'x' }, metadata: {} }],
      {
        expectedRevision: 'any',
      },
    );
    await seedRealistic(events, { seed: 34, cases: 10 });
    await new CaseProjector(events, read, { batchSize: 1000 }).catchUp();
    const live = await snapshot(read);
    const parked = await listParked(read);
    expect(parked).toEqual([expect.objectContaining({ streamId: victim.streamId, eventType: 'ClaimWithdrawn' })]);
    await rebuildReadModels(events, read, undefined, { cacheSize: 2, batchSize: 1000 });
    expect(await snapshot(read)).toEqual(live);
    expect(await listParked(read)).toEqual([
      expect.objectContaining({ caseId: parked[0].caseId, revision: parked[0].revision, position: parked[0].position }),
    ]);
  });

  it('given commits arriving one after another, when running, then it reads them in one batch after letting them gather, not a pass per commit', async () => {
    const batches: number[] = [];
    const projector = new CaseProjector(events, read, {
      idleMs: 5,
      coalesceMs: 500,
      beforeCommit: (batch) => batches.push(batch.length),
    });
    projector.start();
    const appends = [...realisticCases({ seed: 35, cases: 4 })].filter((a) => a.command.type === 'HandOverClaim');
    await events.append(appends[0].streamId, appends[0].events, { expectedRevision: 'no_stream' });
    await until(() => batches.length === 1);
    for (const a of appends.slice(1)) {
      await events.append(a.streamId, a.events, { expectedRevision: 'no_stream' });
      await new Promise((r) => setTimeout(r, 15));
    }
    await until(() => batches.length === 2);
    await projector.stop();
    expect(batches).toEqual([appends[0].events.length, appends.slice(1).reduce((n, a) => n + a.events.length, 0)]);
  });

  it('given a long catch-up, then timers run between its batches, it reports catching up, and stop returns after the batch in hand', async () => {
    const total = await seedRealistic(events, { seed: 36, cases: 150 });
    const batches: number[] = [];
    const projector = new CaseProjector(events, read, { batchSize: 40, beforeCommit: (b) => batches.push(b.length) });
    projector.start();
    const whenATimerRan = await new Promise<number>((resolve) => setTimeout(() => resolve(batches.length), 0));
    await until(() => batches.length >= 3);
    const midway = projector.progress();
    const before = batches.length;
    await projector.stop();
    expect(whenATimerRan).toBeLessThan(total / 40 - 1);
    expect(midway.catchingUp).toBe(true);
    expect(batches.length - before).toBeLessThanOrEqual(1);
    expect(projector.progress()).toMatchObject({ catchingUp: false, projected: batches.reduce((n, b) => n + b, 0) });
    expect(projector.progress().projected).toBeLessThan(total);
    expect(projector.status).toEqual({ state: 'stopped' });
  });
});
