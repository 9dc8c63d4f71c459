import { comparePositions, serializePosition, type EventStore, type Position } from '@app/event-store';
import { countParked, listParked, type CaseProjector, type ReadStore } from '@app/read-models';

export interface Lag {
  /** Events not yet projected, counted up to 1 000 (more is "far behind"; `progress` says how far). */
  events: number;
  seconds: number;
  /** running, catching up (its batches come back full), stopped or failed. */
  projector: string;
  /** How far the checkpoint is along the log, when behind: positions, and the share of the log behind it. */
  progress?: { position: string | null; head: string; percent: number };
  error?: string;
  /** Case streams the projection parked (it carries on with every other case). */
  parked: number;
  /** The first few of them, oldest first, with the error each stopped on. */
  parkedStreams: Array<{ caseId: string; error: string; position: string; revision: number; failedAt: string }>;
}

const PARKED_SHOWN = 5;

/** Counting more would read (and parse) that many events on every health check, during a catch-up too. */
const COUNT_CAP = 1_000;

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
    const catchingUp = status.state === 'running' && this.projector.progress().catchingUp;
    return {
      events: caughtUp ? 0 : behind.length,
      seconds: caughtUp || !behind[0] ? 0 : Math.max(0, (now - Date.parse(behind[0].created)) / 1000),
      projector: catchingUp ? 'catching up' : status.state,
      ...(caughtUp || !head ? {} : { progress: progressOf(checkpoint, head.position) }),
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

/** By log position: positions are not dense, but they grow with the log. */
function progressOf(checkpoint: Position | 'start', head: Position) {
  const at = checkpoint === 'start' ? 0 : Number(checkpoint.commit);
  return {
    position: checkpoint === 'start' ? null : serializePosition(checkpoint),
    head: serializePosition(head),
    percent: Math.min(100, Math.floor((at / Math.max(Number(head.commit), 1)) * 1000) / 10),
  };
}
