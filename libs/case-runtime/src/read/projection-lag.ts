import { comparePositions, type EventStore } from '@app/event-store';
import { countParked, listParked, type CaseProjector, type ReadStore } from '@app/read-models';

export interface Lag {
  events: number;
  seconds: number;
  projector: string;
  error?: string;
  /** Case streams the projection parked (it carries on with every other case). */
  parked: number;
  /** The first few of them, oldest first, with the error each stopped on. */
  parkedStreams: Array<{ caseId: string; error: string; position: string; revision: number; failedAt: string }>;
}

const PARKED_SHOWN = 5;

const COUNT_CAP = 10_000;

/** How far the read models are behind the event store, in events (capped) and seconds; and what is parked. */
export class ProjectionLag {
  constructor(
    private readonly store: EventStore,
    private readonly projector: CaseProjector,
    private readonly read: ReadStore,
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
    // Parked rows live in the read-model database, so every API instance sees the worker's.
    const parked = await countParked(this.read);
    const shown = parked ? await listParked(this.read, { limit: PARKED_SHOWN }) : [];
    const caughtUp = !head || (checkpoint !== 'start' && comparePositions(checkpoint, head.position) >= 0);
    return {
      events: caughtUp ? 0 : behind.length,
      seconds: caughtUp || !behind[0] ? 0 : Math.max(0, (now - Date.parse(behind[0].created)) / 1000),
      projector: status.state,
      ...(status.state === 'failed' ? { error: status.error } : {}),
      parked,
      parkedStreams: shown.map(({ caseId, error, position, revision, failedAt }) => ({
        caseId,
        error,
        position,
        revision,
        failedAt,
      })),
    };
  }
}
