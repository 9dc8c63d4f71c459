import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  parsePosition,
  serializePosition,
  WrongExpectedVersion,
  type EventData,
  type EventStore,
  type RecordedEvent,
} from '../src';

export const event = (type = 'CaseEventHappened', data: unknown = { n: 1 }): EventData => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    correlationId: randomUUID(),
    actor: { kind: 'caseworker', id: 'cw-1' },
    occurredAt: '2025-03-03T09:00:00.000Z',
    machineVersion: '1.0.0',
    schemaVersion: 1,
  },
});

/** Waits until `predicate` holds, checking every few milliseconds (bounded). */
async function until(predicate: () => boolean, what: string, ms = 5000) {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * The behaviour every adapter must have, run against each (SQLite; the EventStoreDB client
 * against the protocol fake; a real EventStoreDB when EVENTSTORE_URL is set).
 */
export function describeEventStoreContract(
  name: string,
  open: () => Promise<EventStore>,
  options: { concurrentWriters?: number } = {},
) {
  const writers = options.concurrentWriters ?? 50;
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    let stream: string;
    beforeEach(async () => {
      store = await open();
      stream = `case-${randomUUID()}`;
    });
    afterEach(() => store.close());

    it('appends to a new stream with no_stream, returning the last revision and a position', async () => {
      const result = await store.append(stream, [event(), event(), event()], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2n);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(read[2].position).toEqual(result.position);
      expect(read[0].metadata).toMatchObject({
        actor: { kind: 'caseworker' },
        machineVersion: '1.0.0',
        schemaVersion: 1,
      });
    });

    it('refuses each expected state that does not hold, with expected and actual, and appends nothing', async () => {
      await expect(store.append(stream, [event()], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      await expect(store.append(stream, [event()], { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
      await store.append(stream, [event()], { expectedRevision: 'no_stream' });
      await expect(store.append(stream, [event()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
        actual: 0n,
      });
      await expect(store.append(stream, [event(), event()], { expectedRevision: 5n })).rejects.toMatchObject({
        expected: 5n,
        actual: 0n,
      });
      expect(await store.readStream(stream)).toHaveLength(1);
      await store.append(stream, [event()], { expectedRevision: 'stream_exists' });
      await store.append(stream, [event()], { expectedRevision: 'any' });
      const r = await store.append(stream, [event()], { expectedRevision: 2n });
      expect(r.nextExpectedRevision).toBe(3n);
    });

    it('a retried append with the same event ids is a no-op that returns the original result', async () => {
      const batch = [event(), event()];
      const first = await store.append(stream, batch, { expectedRevision: 'no_stream' });
      const retry = await store.append(stream, batch, { expectedRevision: 'no_stream' });
      expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(await store.readStream(stream)).toHaveLength(2);
      const again = await store.append(stream, batch, { expectedRevision: 'any' });
      expect(again.nextExpectedRevision).toBe(1n);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('reads a stream forwards and backwards, from a revision, with a maximum; a missing stream is empty', async () => {
      await store.append(
        stream,
        [0, 1, 2, 3, 4].map((n) => event('E', { n })),
        { expectedRevision: 'no_stream' },
      );
      const data = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);
      expect(data(await store.readStream(stream, { fromRevision: 2n }))).toEqual([2, 3, 4]);
      expect(data(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
      expect(data(await store.readStream(stream, { direction: 'backwards', fromRevision: 1n }))).toEqual([1, 0]);
      expect(data(await store.readStream(stream, { maxCount: 1 }))).toEqual([0]);
      expect(await store.readStream(`case-${randomUUID()}`)).toEqual([]);
    });

    it('orders $all by position, reads after a position, and filters by stream prefix and event type', async () => {
      const other = `invoice-${randomUUID()}`;
      const a = await store.append(stream, [event('A')], { expectedRevision: 'any' });
      await store.append(other, [event('B')], { expectedRevision: 'any' });
      await store.append(stream, [event('B')], { expectedRevision: 'any' });
      const after = await store.readAll({ after: a.position });
      const mine = after.filter((e) => e.streamId === stream || e.streamId === other);
      expect(mine.map((e) => e.type)).toEqual(['B', 'B']);
      for (let i = 1; i < after.length; i++)
        expect(comparePositions(after[i - 1].position, after[i].position)).toBeLessThan(0);
      const byPrefix = await store.readAll({ after: a.position, filter: { streamPrefixes: ['invoice-'] } });
      expect(byPrefix.every((e) => e.streamId.startsWith('invoice-'))).toBe(true);
      expect(byPrefix.some((e) => e.streamId === other)).toBe(true);
      const byType = await store.readAll({ filter: { eventTypes: ['A'], streamPrefixes: [stream] } });
      expect(byType.map((e) => e.type)).toEqual(['A']);
      expect(parsePosition(serializePosition(a.position))).toEqual(a.position);
    });

    it('subscribes: catches up, says so once, goes live, and resumes after a checkpoint', async () => {
      await store.append(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });
      const seen: RecordedEvent[] = [];
      let caughtUp = 0;
      const sub = store.subscribeToAll(
        (e) => {
          seen.push(e);
        },
        {
          from: 'start',
          filter: { streamPrefixes: [stream] },
          onCaughtUp: () => {
            caughtUp += 1;
          },
        },
      );
      await until(() => caughtUp === 1 && seen.length === 2, 'catch-up');
      await store.append(stream, [event('C')], { expectedRevision: 1n });
      await until(() => seen.length === 3, 'live delivery');
      await sub.stop();
      expect(seen.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect(caughtUp).toBe(1);

      await store.append(stream, [event('D')], { expectedRevision: 2n });
      const resumed: string[] = [];
      const again = store.subscribeToAll(
        (e) => {
          resumed.push(e.type);
        },
        { from: seen[2].position, filter: { streamPrefixes: [stream] } },
      );
      await until(() => resumed.length === 1, 'resume');
      await again.stop();
      expect(resumed).toEqual(['D']);
    });

    it('awaits a slow handler one event at a time (back-pressure), never in parallel', async () => {
      await store.append(
        stream,
        Array.from({ length: 20 }, () => event()),
        { expectedRevision: 'no_stream' },
      );
      let running = 0;
      let most = 0;
      let handled = 0;
      const sub = store.subscribeToAll(
        async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 2));
          running -= 1;
          handled += 1;
        },
        { from: 'start', filter: { streamPrefixes: [stream] } },
      );
      await until(() => handled === 20, 'slow handler');
      await sub.stop();
      expect(most).toBe(1);
    });

    it('a failing handler stops the subscription and reports the error', async () => {
      await store.append(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });
      const errors: unknown[] = [];
      const handled: string[] = [];
      const sub = store.subscribeToAll(
        (e) => {
          if (e.type === 'B') throw new Error('projection broke');
          handled.push(e.type);
        },
        { from: 'start', filter: { streamPrefixes: [stream] }, onError: (err) => errors.push(err) },
      );
      await sub.done;
      expect(handled).toEqual(['A']);
      expect(String(errors[0])).toContain('projection broke');
    });

    it('1,000 concurrent appends to one stream: each revision taken exactly once, nothing lost', async () => {
      const batch = Array.from({ length: 1000 }, () => event());
      const results = await Promise.all(batch.map((e) => store.append(stream, [e], { expectedRevision: 'any' })));
      const revisions = results.map((r) => r.nextExpectedRevision).sort((a, b) => (a < b ? -1 : 1));
      expect(revisions).toEqual(Array.from({ length: 1000 }, (_, i) => BigInt(i)));
      const all = await store.readStream(stream);
      expect(all.map((e) => e.revision)).toEqual(revisions);
      expect(new Set(all.map((e) => e.id))).toEqual(new Set(batch.map((e) => e.id)));
    }, 120_000);

    it('parallel writers racing for the same revision: exactly one wins each round, the rest are refused', async () => {
      await store.append(stream, [event()], { expectedRevision: 'no_stream' });
      for (let round = 0; round < 10; round++) {
        const race = await Promise.allSettled(
          Array.from({ length: writers }, () => store.append(stream, [event()], { expectedRevision: BigInt(round) })),
        );
        expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = race.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(
          refused.every((r) => r.reason instanceof WrongExpectedVersion && r.reason.actual === BigInt(round + 1)),
        ).toBe(true);
      }
      expect(await store.readStream(stream)).toHaveLength(11);
    }, 120_000);
  });
}
