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
import { SubjectKeys } from '@app/privacy';
import type { Clock } from '../clock/clock';
import { openPersonalData, type ClosableSubjectKeys } from '../personal-data/open-personal-data';
import { PersonalDataVault } from '../personal-data/personal-data-vault';

export const LOCAL_DB = Symbol('LOCAL_SQLITE');
export const EVENT_STORE = Symbol('EVENT_STORE');
const SUBJECT_KEYS = Symbol('SUBJECT_KEYS');

/**
 * The event store the configuration names (EventStoreDB with EVENTSTORE_URL, else the embedded
 * SQLite file), the local SQLite file beside it for idempotency records, and the debtors' keys
 * that seal personal values on the way into the store.
 */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOCAL_DB) private readonly local: Database.Database,
    @Inject(SUBJECT_KEYS) private readonly keys: ClosableSubjectKeys,
  ) {}

  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: () =>
            createEventStore({
              eventstoreUrl: config.eventstoreUrl,
              sqliteFile: config.sqliteFile,
              sqliteSynchronous: config.sqliteSynchronous,
            }),
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
          provide: SUBJECT_KEYS,
          inject: [LOCAL_DB],
          useFactory: async (localDb: Database.Database) => (await openPersonalData(config, { localDb, clock })).keys,
        },
        { provide: SubjectKeys, useExisting: SUBJECT_KEYS },
        {
          provide: PersonalDataVault,
          inject: [SUBJECT_KEYS],
          useFactory: (keys: ClosableSubjectKeys) => new PersonalDataVault(keys),
        },
        {
          provide: CaseStreams,
          inject: [EVENT_STORE, PersonalDataVault],
          useFactory: (store: EventStore, vault: PersonalDataVault) => new EventStoreCaseStreams(store, vault),
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
      exports: [CaseStreams, IdempotencyStore, EventStoreHealth, EVENT_STORE, LOCAL_DB, SubjectKeys, PersonalDataVault],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
    await this.store.close();
    if (this.local.open) this.local.close();
  }
}
