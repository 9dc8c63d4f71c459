import { comparePositions, type EventStore } from '@app/event-store';
import { parseCursor } from '../feed/billing-feed';
import type { RelayCheckpoints, RelayState } from './relay-checkpoints';

export interface RelayHealth {
  /** Whether this deployment relays to RabbitMQ (RABBITMQ_URL set here, or a relay has reported). */
  configured: boolean;
  state: RelayState | 'notStarted';
  error: string | null;
  published: number;
  /** Case events after the relay's checkpoint (counted up to 1 000), and the age of the oldest. */
  lag: { events: number; seconds: number };
  updatedAt: string | null;
}

const COUNT_CAP = 1_000;

/**
 * How the relay is doing, from its checkpoint row: read by every process (the relay may run in
 * the worker), so the API's /health and /metrics show the worker's relay.
 */
export class RelayMonitor {
  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: RelayCheckpoints,
    private readonly name: string,
    private readonly configured: boolean,
  ) {}

  async measure(now = Date.now()): Promise<RelayHealth | undefined> {
    const record = await this.checkpoints.load(this.name);
    if (!record && !this.configured) return undefined;
    const after = parseCursor(record?.cursor);
    const behind = await this.store.readAll({ after, maxCount: COUNT_CAP, filter: { streamPrefixes: ['case-'] } });
    const caughtUp = behind.length === 0 || (after !== 'start' && comparePositions(after, behind[0].position) >= 0);
    return {
      configured: true,
      state: record?.state ?? 'notStarted',
      error: record?.error ?? null,
      published: record?.published ?? 0,
      lag: {
        events: caughtUp ? 0 : behind.length,
        seconds: caughtUp ? 0 : Math.max(0, (now - Date.parse(behind[0].created)) / 1000),
      },
      updatedAt: record?.updatedAt ?? null,
    };
  }
}
