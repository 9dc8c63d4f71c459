import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DynamicModule, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { CaseStreams } from '../cases/case-stream.port';
import type { AppConfig } from '../config/app-config';
import { IdempotencyStore, SqliteIdempotencyStore } from '../idempotency/idempotency-store';
import { EventStoreHealth } from './event-store.health';
import { EventStoreCaseStreams } from './event-store-case-streams';
import { SqliteEventStore, type EventStore } from '@app/event-store';

const DATABASE = Symbol('SQLITE_DATABASE');
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Opens the event store (the embedded SQLite file by default) and the stores built beside it. */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: AppConfig): DynamicModule {
    if (config.eventstoreUrl) {
      throw new Error('EVENTSTORE_URL is set, but the EventStoreDB adapter is not wired into the API yet: unset it to use the embedded store.');
    }
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: () => {
            if (config.sqliteFile !== ':memory:') mkdirSync(dirname(config.sqliteFile), { recursive: true });
            return new SqliteEventStore({ file: config.sqliteFile });
          },
        },
        // The idempotency records live in the same embedded file, on the store's connection.
        { provide: DATABASE, inject: [EVENT_STORE], useFactory: (store: SqliteEventStore) => store.db },
        { provide: CaseStreams, inject: [EVENT_STORE], useFactory: (store: EventStore) => new EventStoreCaseStreams(store) },
        { provide: IdempotencyStore, inject: [DATABASE], useFactory: (db: Database.Database) => new SqliteIdempotencyStore(db) },
        { provide: EventStoreHealth, inject: [DATABASE], useFactory: (db: Database.Database) => new EventStoreHealth('sqlite', db) },
      ],
      exports: [CaseStreams, IdempotencyStore, EventStoreHealth, EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
