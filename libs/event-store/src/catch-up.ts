import type { EventHandler, Position, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from './port';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Resolves when new events may have arrived (or after a poll interval), or when `signal` aborts. */
  waitForMore(signal: AbortSignal): Promise<void>;
}

const BATCH = 500;

/**
 * Catch-up then live, over any store that can read `$all` after a position: read a batch,
 * hand each event to the handler and await it before the next (back-pressure), and when
 * the head is reached wait for a commit notice. The handler never runs twice at once.
 */
export function catchUpSubscription(source: CatchUpSource, handler: EventHandler, options: SubscribeOptions): Subscription {
  const abort = new AbortController();
  let caughtUp = false;
  const run = async () => {
    let after: Position | 'start' = options.from;
    while (!abort.signal.aborted) {
      const batch = await source.readAll({ after, maxCount: BATCH, filter: options.filter, direction: 'forwards' });
      for (const event of batch) {
        if (abort.signal.aborted) return;
        await handler(event);
        after = event.position;
      }
      if (batch.length < BATCH) {
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        await source.waitForMore(abort.signal);
      }
    }
  };
  const done = run().catch((error) => {
    abort.abort();
    if (options.onError) options.onError(error);
    else throw error;
  });
  return {
    done: done.then(() => undefined),
    async stop() {
      abort.abort();
      await done.catch(() => undefined);
    },
  };
}
