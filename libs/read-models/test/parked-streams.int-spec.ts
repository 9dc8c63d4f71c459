import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  serializePosition,
  SqliteEventStore,
  type EventStore,
  type RecordedEvent,
} from '@app/event-store';
import {
  CaseProjector,
  CaseQueries,
  listParked,
  rebuildReadModels,
  retryParked,
  type EventHook,
  type ReadStore,
} from '../src';
import { seedCases } from './seed';
import { readStores, snapshot } from './stores';

const STORES = readStores('Parked streams');

/** The fold "throws" on this case's second event: the bug that a later fix removes. */
const POISON_CASE = 'c0001';
const poison: EventHook = (e) => {
  if (e.streamId === `case-${POISON_CASE}` && e.revision === 1n) throw new Error('cannot fold DeadlineScheduled: bug');
};

function withdrawal(at = '2025-03-20T09:00:00.000Z') {
  return [{ id: randomUUID(), type: 'ClaimWithdrawn', data: { at, reason: 'withdrawn' }, metadata: {} }];
}

async function eventOf(events: EventStore, caseId: string, revision: number): Promise<RecordedEvent> {
  const [e] = await events.readStream(`case-${caseId}`, { fromRevision: BigInt(revision), maxCount: 1 });
  return e;
}

describe.each(STORES)('parked streams on %s', (_, open) => {
  let events: SqliteEventStore;
  let read: ReadStore;
  let queries: CaseQueries;
  beforeEach(async () => {
    events = new SqliteEventStore({ file: ':memory:' });
    read = await open();
    queries = new CaseQueries(read);
  });
  afterEach(async () => {
    await read?.close();
    await events.close();
  });

  it('given a case whose event cannot be folded, when other cases are handed over after it, then they are projected and only that case is parked with its error and position', async () => {
    await seedCases(events, 6);
    const projector = new CaseProjector(events, read, { batchSize: 9, onEvent: poison });
    await projector.catchUp();

    const failing = await eventOf(events, POISON_CASE, 1);
    expect(await listParked(read)).toEqual([
      expect.objectContaining({
        caseId: POISON_CASE,
        streamId: `case-${POISON_CASE}`,
        position: serializePosition(failing.position),
        revision: 1,
        eventType: failing.type,
        error: 'cannot fold DeadlineScheduled: bug',
        attempts: 1,
        parkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    // The case stands at its last good event; every other case as a clean projection has it.
    expect((await queries.timeline(POISON_CASE)).map((t) => t.revision)).toEqual([0]);
    for (const caseId of ['c0000', 'c0002', 'c0003', 'c0004', 'c0005']) {
      const row = (await queries.summary(caseId))!;
      expect(row.revision).toBe((await events.readStream(`case-${caseId}`)).length - 1);
    }
    const [head] = await events.readAll({ direction: 'backwards', maxCount: 1 });
    expect(await projector.checkpoint()).toEqual(head.position);
  });

  it('given a parked case, when the projector restarts without the bug, then the case stays parked, its later events are skipped and every other case goes on', async () => {
    await seedCases(events, 4);
    await new CaseProjector(events, read, { onEvent: poison }).catchUp();
    await events.append(`case-${POISON_CASE}`, withdrawal(), { expectedRevision: 'any' });
    await events.append('case-c0002', withdrawal(), { expectedRevision: 'any' });

    const restarted = new CaseProjector(events, read, { idleMs: 5 });
    restarted.start();
    const [head] = await events.readAll({ direction: 'backwards', maxCount: 1 });
    const reached = async () => {
      const at = await restarted.checkpoint();
      return at !== 'start' && comparePositions(at, head.position) >= 0;
    };
    for (let i = 0; i < 300 && !(await reached()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(restarted.status).toEqual({ state: 'running' });
    await restarted.stop();

    expect(await restarted.checkpoint()).toEqual(head.position);
    expect((await queries.summary('c0002'))?.status).toBe('closed');
    expect((await queries.summary(POISON_CASE))?.revision).toBe(0);
    expect(await listParked(read)).toEqual([expect.objectContaining({ caseId: POISON_CASE, revision: 1 })]);
  });

  it('given a crash in the batch that parks a case, when the projector restarts, then the case is parked once, at the same event', async () => {
    await seedCases(events, 3);
    const crashing = new CaseProjector(events, read, {
      onEvent: poison,
      beforeCommit: () => {
        throw new Error('killed mid-batch');
      },
    });
    await expect(crashing.catchUp()).rejects.toThrow('killed mid-batch');
    expect(await listParked(read)).toEqual([]);
    expect(await crashing.checkpoint()).toBe('start');

    await new CaseProjector(events, read, { batchSize: 4, onEvent: poison }).catchUp();
    const failing = await eventOf(events, POISON_CASE, 1);
    expect(await listParked(read)).toEqual([
      expect.objectContaining({ caseId: POISON_CASE, position: serializePosition(failing.position), attempts: 1 }),
    ]);
  });

  it('given the bug is still there, when the parked streams are retried, then the case is still failing, stays parked and counts the attempt', async () => {
    await seedCases(events, 3);
    await new CaseProjector(events, read, { onEvent: poison }).catchUp();
    const report = await retryParked(events, read, { onEvent: poison });
    expect(report.recovered).toEqual([]);
    expect(report.stillFailing).toEqual([
      expect.objectContaining({ caseId: POISON_CASE, revision: 1, attempts: 2, error: expect.stringContaining('bug') }),
    ]);
    expect(await listParked(read)).toEqual([expect.objectContaining({ caseId: POISON_CASE, attempts: 2 })]);
  });

  it('given the fix, when the parked streams are retried, then the case is projected and un-parked, equal to a clean rebuild, and the projector carries it on', async () => {
    await seedCases(events, 5);
    const projector = new CaseProjector(events, read, { batchSize: 11, onEvent: poison });
    await projector.catchUp();
    await events.append(`case-${POISON_CASE}`, withdrawal(), { expectedRevision: 'any' });
    await projector.catchUp();

    const report = await retryParked(events, read);
    expect(report).toEqual({ recovered: [POISON_CASE], stillFailing: [] });
    expect(await listParked(read)).toEqual([]);
    expect((await queries.summary(POISON_CASE))?.status).toBe('closed');
    const retried = await snapshot(read);
    await rebuildReadModels(events, read);
    expect(await snapshot(read)).toEqual(retried);
    expect(await listParked(read)).toEqual([]);

    // A fixed projector takes the case's next events as any other's.
    await events.append('case-c0003', withdrawal(), { expectedRevision: 'any' });
    await new CaseProjector(events, read).catchUp();
    expect((await queries.summary('c0003'))?.status).toBe('closed');
  });

  it('given a retry that un-parks a case while a batch that skipped it is being folded, then that batch is void and read again, losing nothing', async () => {
    await seedCases(events, 3);
    await new CaseProjector(events, read, { onEvent: poison }).catchUp();
    await events.append(`case-${POISON_CASE}`, withdrawal(), { expectedRevision: 'any' });
    await events.append('case-c0002', withdrawal(), { expectedRevision: 'any' });
    // The fresh projector folds c0002 from its stream: the retry runs right then, mid-batch.
    let retried = false;
    const racing: EventStore = {
      kind: events.kind,
      append: (...args) => events.append(...args),
      readAll: (options) => events.readAll(options),
      subscribeToAll: (handler, options) => events.subscribeToAll(handler, options),
      close: () => events.close(),
      readStream: async (...args) => {
        if (!retried) {
          retried = true;
          expect((await retryParked(events, read)).recovered).toEqual([POISON_CASE]);
        }
        return events.readStream(...args);
      },
    };
    await new CaseProjector(racing, read).catchUp();

    expect(retried).toBe(true);
    expect((await queries.summary(POISON_CASE))?.status).toBe('closed');
    const live = await snapshot(read);
    await rebuildReadModels(events, read);
    expect(await snapshot(read)).toEqual(live);
  });

  it('given a stored event whose case cannot be summarised, when projected in one batch with its stream, then the case stands at the event before it and is parked there', async () => {
    await seedCases(events, 2);
    await events.append(`case-${POISON_CASE}`, withdrawal('not a time'), { expectedRevision: 'any' });
    await new CaseProjector(events, read).catchUp();
    const revisions = (await events.readStream(`case-${POISON_CASE}`)).length;
    expect(await listParked(read)).toEqual([
      expect.objectContaining({ caseId: POISON_CASE, revision: revisions - 1, eventType: 'ClaimWithdrawn' }),
    ]);
    expect((await queries.summary(POISON_CASE))?.revision).toBe(revisions - 2);
    expect(await queries.timeline(POISON_CASE)).toHaveLength(revisions - 1);
    expect((await queries.summary('c0000'))?.revision).toBeGreaterThan(0);
  });

  it('given the bug, when the read models are rebuilt, then the rebuild parks the case instead of failing; after the fix a rebuild swaps in no parked streams', async () => {
    await seedCases(events, 4);
    await new CaseProjector(events, read).catchUp();
    expect(await listParked(read)).toEqual([]);

    await rebuildReadModels(events, read, undefined, { onEvent: poison });
    expect(await listParked(read)).toEqual([expect.objectContaining({ caseId: POISON_CASE, revision: 1 })]);
    expect((await queries.summary('c0003'))?.revision).toBeGreaterThan(0);
    // The live projector after the swap skips the case the rebuild parked.
    await events.append(`case-${POISON_CASE}`, withdrawal(), { expectedRevision: 'any' });
    await new CaseProjector(events, read).catchUp();
    expect((await queries.summary(POISON_CASE))?.revision).toBe(0);

    await rebuildReadModels(events, read);
    expect(await listParked(read)).toEqual([]);
    expect((await queries.summary(POISON_CASE))?.status).toBe('closed');
  });
});
