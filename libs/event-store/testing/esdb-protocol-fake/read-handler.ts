/* eslint-disable @typescript-eslint/no-explicit-any -- the client's generated protobuf messages are untyped JavaScript */
import { randomUUID } from 'node:crypto';
import type { AllFilter, EventStore, Position, RecordedEvent } from '../../src';
import { fromWire, readResponse, streamNameOf, streamsPb, toWire } from './messages';

type ServerStream = NodeJS.EventEmitter & {
  request: any;
  write(message: unknown): boolean;
  end(): void;
  destroy(error?: Error): void;
  cancelled: boolean;
};

/** Streams/Read: a stream read, an `$all` read, or a subscription to `$all` (catch-up, then live). */
export function readHandler(store: EventStore) {
  return async (call: ServerStream) => {
    const options = call.request.getOptions();
    try {
      if (options.hasStream()) await readStream(store, call, options);
      else if (options.hasSubscription()) subscribe(store, call, options);
      else await readAll(store, call, options);
    } catch (error) {
      call.destroy(error as Error);
    }
  };
}

async function readStream(store: EventStore, call: ServerStream, options: any) {
  const s = options.getStream();
  const streamId = streamNameOf(s.getStreamIdentifier());
  if (options.hasSubscription())
    throw Object.assign(new Error('stream subscriptions are not in the protocol fake'), { code: 12 });
  const backwards = options.getReadDirection() === 1;
  const events = await store.readStream(streamId, {
    direction: backwards ? 'backwards' : 'forwards',
    fromRevision: s.hasStart() ? 'start' : s.hasEnd() ? 'end' : BigInt(s.getRevision()),
    maxCount: options.hasCount() ? Number(BigInt(options.getCount())) : undefined,
  });
  if (events.length === 0 && (await store.readStream(streamId, { maxCount: 1 })).length === 0) {
    const resp = new streamsPb.ReadResp();
    const notFound = new streamsPb.ReadResp.StreamNotFound();
    notFound.setStreamIdentifier(s.getStreamIdentifier());
    resp.setStreamNotFound(notFound);
    call.write(resp);
  } else {
    for (const e of events) await write(call, readResponse(e));
  }
  call.end();
}

/** `$all` reads from a position are inclusive, as EventStoreDB's are. */
async function readAll(store: EventStore, call: ServerStream, options: any) {
  const all = options.getAll();
  const backwards = options.getReadDirection() === 1;
  const count = options.hasCount() ? Number(BigInt(options.getCount())) : undefined;
  let after: Position | 'start' = 'start';
  if (all.hasPosition()) {
    const p = fromWire(all.getPosition().getCommitPosition());
    const edge = backwards ? p + 1n : p - 1n;
    after = { commit: edge, prepare: edge };
  }
  const events =
    all.hasEnd() && !backwards
      ? []
      : await store.readAll({ after, direction: backwards ? 'backwards' : 'forwards', maxCount: count });
  for (const e of events) await write(call, readResponse(e));
  call.end();
}

function subscribe(store: EventStore, call: ServerStream, options: any) {
  const all = options.getAll();
  const filter = filterOf(options);
  const confirmation = new streamsPb.ReadResp();
  const confirmed = new streamsPb.ReadResp.SubscriptionConfirmation();
  confirmed.setSubscriptionId(randomUUID());
  confirmation.setConfirmation(confirmed);
  call.write(confirmation);
  if (all.hasEnd())
    throw Object.assign(new Error('subscribing from the end is not in the protocol fake'), { code: 12 });
  const from: Position | 'start' = all.hasPosition()
    ? {
        commit: fromWire(all.getPosition().getCommitPosition()),
        prepare: fromWire(all.getPosition().getPreparePosition()),
      }
    : 'start';
  let last: Position | null = null;
  const subscription = store.subscribeToAll(
    async (e: RecordedEvent) => {
      last = e.position;
      await write(call, readResponse(e));
    },
    {
      from,
      filter,
      onCaughtUp: () => {
        const caughtUp = new streamsPb.ReadResp();
        caughtUp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
        call.write(caughtUp);
        if (last) call.write(checkpoint(last));
      },
      onError: (error) => call.destroy(error as Error),
    },
  );
  call.on('cancelled', () => {
    void subscription.stop();
  });
  call.on('close', () => {
    void subscription.stop();
  });
}

/** Stream-name and event-type filters, by prefix (regex filters are not in the fake). */
function filterOf(options: any): AllFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const f = options.getFilter();
  if (f.hasStreamIdentifier()) {
    const e = f.getStreamIdentifier();
    if (e.getRegex()) throw Object.assign(new Error('regex filters are not in the protocol fake'), { code: 12 });
    return { streamPrefixes: e.getPrefixList() };
  }
  if (f.hasEventType()) {
    const e = f.getEventType();
    if (e.getRegex()) throw Object.assign(new Error('regex filters are not in the protocol fake'), { code: 12 });
    return { eventTypes: e.getPrefixList() };
  }
  return undefined;
}

function checkpoint(p: Position) {
  const resp = new streamsPb.ReadResp();
  const c = new streamsPb.ReadResp.Checkpoint();
  c.setCommitPosition(toWire(p.commit));
  c.setPreparePosition(toWire(p.prepare));
  resp.setCheckpoint(c);
  return resp;
}

/** Honours the client's flow control: wait for 'drain' when its buffer is full. */
function write(call: ServerStream, message: unknown): Promise<void> {
  if (call.cancelled) return Promise.resolve();
  return call.write(message) ? Promise.resolve() : new Promise((resolve) => call.once('drain', () => resolve()));
}
