import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import { createEventStore, SqliteEventStore, type EventStore } from '@app/event-store';
import { CaseStreams } from '../commands/case-streams.port';
import type { AppConfig } from '../config/config';
import { IdempotencyStore, SqliteIdempotencyStore } from './idempotency-store';
import { EventStoreCaseStreams } from './event-store-case-streams';
import { EventStoreHealth } from './event-store.health';

export const LOCAL_DB = Symbol('LOCAL_SQLITE');
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The event store the configuration names (EventStoreDB with EVENTSTORE_URL, else the embedded
 * SQLite file) and the local SQLite file beside it for idempotency records.
 */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOCAL_DB) private readonly local: Database.Database,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: () => createEventStore({ eventstoreUrl: config.eventstoreUrl, sqliteFile: config.sqliteFile }),
        },
        {
          provide: LOCAL_DB,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => {
            if (store instanceof SqliteEventStore) return store.db;
            if (config.sqliteFile !== ':memory:') mkdirSync(dirname(config.sqliteFile), { recursive: true });
            const db = new Database(config.sqliteFile);
            db.pragma('journal_mode = WAL');
            return db;
          },
        },
        {
          provide: CaseStreams,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new EventStoreCaseStreams(store),
        },
        {
          provide: IdempotencyStore,
          inject: [LOCAL_DB],
          useFactory: (db: Database.Database) => new SqliteIdempotencyStore(db),
        },
        {
          provide: EventStoreHealth,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new EventStoreHealth(store),
        },
      ],
      exports: [CaseStreams, IdempotencyStore, EventStoreHealth, EVENT_STORE, LOCAL_DB],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    if (this.local.open) this.local.close();
  }
}
