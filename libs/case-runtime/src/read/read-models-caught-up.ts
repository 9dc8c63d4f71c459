import { comparePositions, type EventStore } from '@app/event-store';
import type { CaseProjector } from '@app/read-models';

/** The read models did not reach the store's head in time: the projector is down or far behind. */
export class ReadModelsBehind extends Error {
  constructor(readonly waitedMs: number) {
    super(`The read models did not catch up with the event store within ${waitedMs} ms; try again shortly.`);
  }
}

/**
 * Waits until the read models include every case event stored when called. Work that must see
 * every case of a debtor (erasure, retention, the access export) starts with it. Where no
 * projector runs in this process and `drive` is set (the CLI), it projects the events itself;
 * the projection's checkpoint makes that safe beside a projector running elsewhere.
 */
export async function readModelsCaughtUp(
  store: EventStore,
  projector: CaseProjector,
  options: { drive: boolean; timeoutMs?: number; pollMs?: number },
): Promise<void> {
  const [head] = await store.readAll({ direction: 'backwards', maxCount: 1, filter: { streamPrefixes: ['case-'] } });
  if (!head) return;
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 30_000;
  for (;;) {
    const checkpoint = await projector.checkpoint();
    if (checkpoint !== 'start' && comparePositions(checkpoint, head.position) >= 0) return;
    if (options.drive) {
      if ((await projector.catchUp()) === 0) return;
      continue;
    }
    if (Date.now() - started >= timeoutMs) throw new ReadModelsBehind(timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 20));
  }
}
