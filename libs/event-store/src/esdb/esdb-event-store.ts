import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  streamNameFilter,
  type AllStreamSubscription,
} from '@eventstore/db-client';
import { runSubscription } from '../catch-up';
import { WrongExpectedVersion } from '../errors';
import {
  comparePositions,
  matchesFilter,
  type AppendResult,
  type Position,
  type EventData,
  type EventHandler,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../port';
import { fromResolved, isSystem } from './esdb-mapping';

const PAGE = 500;

/**
 * The system of record in production: EventStoreDB through its official client. Behaves as the
 * SQLite adapter does (the same contract suite runs against both).
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly client: EventStoreDBClient;

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(
    streamId: string,
    events: EventData[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data as never, metadata: e.metadata as never })),
        { expectedRevision: options.expectedRevision },
      );
      if (!result.position) throw new Error(`Append to ${streamId} returned no position`);
      return { nextExpectedRevision: result.nextExpectedRevision, position: result.position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === 'no_stream' ? 'no_stream' : BigInt(error.actualVersion as bigint);
        throw new WrongExpectedVersion(streamId, options.expectedRevision, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: from === 'start' ? ESDB_START : from === 'end' ? END : from,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read) {
        const e = fromResolved(resolved);
        if (e) out.push(e);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  /** `$all` after a position; filters apply on this side, paging until `maxCount` matches. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const want = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    let from: Position | typeof ESDB_START | typeof END =
      options.after && options.after !== 'start' ? options.after : backwards ? END : ESDB_START;
    const filtered = !!(options.filter?.streamPrefixes?.length || options.filter?.eventTypes?.length);
    for (;;) {
      // Each page is read to its end: leaving a read stream early leaves its gRPC call open.
      const page = filtered ? PAGE : Math.min(PAGE, want - out.length + 1);
      let count = 0;
      let last: RecordedEvent | null = null;
      for await (const resolved of this.client.readAll({
        fromPosition: from,
        direction: backwards ? BACKWARDS : FORWARDS,
        maxCount: page,
      })) {
        const e = fromResolved(resolved);
        count += 1;
        if (!e) continue;
        last = e;
        // EventStoreDB reads from a position inclusively; ours is "after".
        if (typeof from === 'object' && comparePositions(e.position, from) === 0) continue;
        if (out.length < want && !isSystem(e) && matchesFilter(options.filter, e.streamId, e.type)) out.push(e);
      }
      if (out.length >= want || count < page || !last) return out;
      from = last.position;
    }
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions): Subscription {
    const prefixes = options.filter?.streamPrefixes;
    const subscription: AllStreamSubscription = this.client.subscribeToAll({
      fromPosition: options.from === 'start' ? ESDB_START : options.from,
      ...(prefixes?.length ? { filter: streamNameFilter({ prefixes }) } : {}),
    });
    if (options.onCaughtUp) subscription.once('caughtUp', options.onCaughtUp);
    return runSubscription(
      async (abort) => {
        // Iterating awaits the handler before the next event: back-pressure on the gRPC stream.
        for await (const resolved of subscription) {
          if (abort.aborted) break;
          const e = fromResolved(resolved);
          if (!e || isSystem(e) || !matchesFilter(options.filter, e.streamId, e.type)) continue;
          await handler(e);
        }
      },
      options,
      () => subscription.unsubscribe(),
    );
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
