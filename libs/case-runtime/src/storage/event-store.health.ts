import type { EventStore } from '@app/event-store';

const TIMEOUT_MS = 2000;

/** Whether the event store answers a one-event read of `$all` in time; reported on /health. */
export class EventStoreHealth {
  constructor(private readonly store: EventStore) {}

  get kind(): string {
    return this.store.kind;
  }

  async problem(): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.store.readAll({ maxCount: 1 }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        }),
      ]);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
