export * from './port';
export * from './errors';
export { SqliteEventStore, fromRawRow, type RawRow, type SqliteOptions } from './sqlite/sqlite-event-store';
export { catchUpSubscription } from './catch-up';
export { EventStoreDbEventStore } from './esdb/esdb-event-store';
export { createEventStore } from './create-event-store';
export { newEventId } from './event-id';
