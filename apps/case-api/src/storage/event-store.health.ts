import type Database from 'better-sqlite3';

/** Whether the event store answers; reported on /health. */
export class EventStoreHealth {
  constructor(readonly kind: string, private readonly db?: Database.Database) {}

  async problem(): Promise<string | null> {
    try {
      this.db?.prepare('SELECT 1').get();
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}
