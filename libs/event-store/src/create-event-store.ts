import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStoreDbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './port';
import { SqliteEventStore, type SqliteOptions } from './sqlite/sqlite-event-store';

/** EventStoreDB when a connection string is given (production), else the embedded SQLite file. */
export function createEventStore(config: {
  eventstoreUrl?: string;
  sqliteFile?: string;
  sqliteSynchronous?: SqliteOptions['synchronous'];
}): EventStore {
  if (config.eventstoreUrl) return new EventStoreDbEventStore(config.eventstoreUrl);
  const file = config.sqliteFile ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return new SqliteEventStore({ file, synchronous: config.sqliteSynchronous });
}
