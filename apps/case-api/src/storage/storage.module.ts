import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DynamicModule, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import Database from 'better-sqlite3';
import { CaseStreams } from '../cases/case-stream.port';
import type { AppConfig } from '../config/app-config';
import { IdempotencyStore, SqliteIdempotencyStore } from '../idempotency/idempotency-store';
import { EventStoreHealth } from './event-store.health';
import { SqliteCaseStreams } from './sqlite-case-streams';

const DATABASE = Symbol('SQLITE_DATABASE');

/** Opens the embedded SQLite file (WAL) and provides the stores built on it. */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database.Database) {}

  static forRoot(config: AppConfig): DynamicModule {
    if (config.eventstoreUrl) {
      throw new Error('EVENTSTORE_URL is set, but the EventStoreDB adapter is not wired into the API yet: unset it to use the embedded store.');
    }
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: DATABASE,
          useFactory: () => {
            if (config.sqliteFile !== ':memory:') mkdirSync(dirname(config.sqliteFile), { recursive: true });
            const db = new Database(config.sqliteFile);
            db.pragma('journal_mode = WAL');
            db.pragma('synchronous = NORMAL');
            db.pragma('busy_timeout = 5000');
            return db;
          },
        },
        { provide: CaseStreams, inject: [DATABASE], useFactory: (db: Database.Database) => new SqliteCaseStreams(db, () => new Date().toISOString()) },
        { provide: IdempotencyStore, inject: [DATABASE], useFactory: (db: Database.Database) => new SqliteIdempotencyStore(db) },
        { provide: EventStoreHealth, inject: [DATABASE], useFactory: (db: Database.Database) => new EventStoreHealth('sqlite', db) },
      ],
      exports: [CaseStreams, IdempotencyStore, EventStoreHealth],
    };
  }

  onApplicationShutdown(): void {
    if (this.db.open) this.db.close();
  }
}
