import { comparePositions, type EventStore } from '@app/event-store';
import type { CaseProjector } from '@app/read-models';

export interface Lag {
  events: number;
  seconds: number;
  projector: string;
  error?: string;
}

const COUNT_CAP = 10_000;

/** How far the read models are behind the event store, in events (capped) and seconds. */
export class ProjectionLag {
  constructor(
    private readonly store: EventStore,
    private readonly projector: CaseProjector,
  ) {}

  async measure(now = Date.now()): Promise<Lag> {
    const status = this.projector.status;
    const checkpoint = await this.projector.checkpoint();
    const behind = await this.store.readAll({
      after: checkpoint,
      maxCount: COUNT_CAP,
      filter: { streamPrefixes: ['case-'] },
    });
    const [head] = await this.store.readAll({
      direction: 'backwards',
      maxCount: 1,
      filter: { streamPrefixes: ['case-'] },
    });
    const caughtUp = !head || (checkpoint !== 'start' && comparePositions(checkpoint, head.position) >= 0);
    return {
      events: caughtUp ? 0 : behind.length,
      seconds: caughtUp || !behind[0] ? 0 : Math.max(0, (now - Date.parse(behind[0].created)) / 1000),
      projector: status.state,
      ...(status.state === 'failed' ? { error: status.error } : {}),
    };
  }
}
