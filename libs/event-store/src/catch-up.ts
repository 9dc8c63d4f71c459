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
export function catchUpSubscription(
  source: CatchUpSource,
  handler: EventHandler,
  options: SubscribeOptions,
): Subscription {
  let caughtUp = false;
  return runSubscription(async (abort) => {
    let after: Position | 'start' = options.from;
    while (!abort.aborted) {
      const batch = await source.readAll({ after, maxCount: BATCH, filter: options.filter, direction: 'forwards' });
      for (const event of batch) {
        if (abort.aborted) return;
        await handler(event);
        after = event.position;
      }
      if (batch.length < BATCH) {
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        await source.waitForMore(abort);
      }
    }
  }, options);
}

/**
 * A subscription around a delivery loop: `stop()` aborts the loop and waits for it; an error
 * ends it and goes to `onError` (unless it came from stopping). `release` frees the transport.
 */
export function runSubscription(
  loop: (abort: AbortSignal) => Promise<void>,
  options: Pick<SubscribeOptions, 'onError'>,
  release: () => Promise<void> = async () => undefined,
): Subscription {
  const abort = new AbortController();
  const done = loop(abort.signal).catch(async (error) => {
    const stopping = abort.signal.aborted;
    abort.abort();
    await release().catch(() => undefined);
    if (stopping) return;
    if (options.onError) options.onError(error);
    else throw error;
  });
  return {
    done: done.then(() => undefined),
    async stop() {
      abort.abort();
      await release();
      await done.catch(() => undefined);
    },
  };
}
