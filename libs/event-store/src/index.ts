export * from './port';
export * from './errors';
export { SqliteEventStore, type SqliteOptions } from './sqlite/sqlite-event-store';
export { catchUpSubscription } from './catch-up';
export { EventStoreDbEventStore } from './esdb/esdb-event-store';
export { createEventStore } from './create-event-store';
export { newEventId } from './event-id';
