import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateReadModels } from './migrations';
import type { ReadModelTables } from './schema';
import { StatementCache } from './statement-cache';

export type ReadDb = Kysely<ReadModelTables>;
export interface ReadStore {
  db: ReadDb;
  dialect: 'sqlite' | 'postgres';
  /**
   * SQLite only: the connection under `db` with its statement cache, for the projection's hot
   * path. Used only while holding `db`'s connection (`db.connection()`), so that nothing runs
   * inside another query's transaction.
   */
  sqlite?: StatementCache;
  close(): Promise<void>;
}

// int8 as a JS number: amounts are øre well inside 2^53, revisions too.
pg.types.setTypeParser(20, (value: string) => Number(value));

/**
 * The read models' database: PostgreSQL when a URL is given (production), else SQLite (the
 * embedded default). One schema and one query layer (Kysely) for both; migrated on open.
 */
export async function openReadStore(config: {
  databaseUrl?: string;
  sqliteFile?: string;
  schema?: string;
}): Promise<ReadStore> {
  let db: ReadDb;
  let dialect: ReadStore['dialect'];
  let sqlite: StatementCache | undefined;
  if (config.databaseUrl) {
    if (config.schema) {
      const setup = new pg.Client({ connectionString: config.databaseUrl });
      await setup.connect();
      try {
        await setup.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema}"`);
      } catch (error) {
        // Another connection (the key store, opened at the same time) created it first.
        if (!['23505', '42P06'].includes((error as { code?: string }).code ?? '')) throw error;
      } finally {
        await setup.end();
      }
    }
    // A schema per deployment (or per test run) keeps read models apart in one database.
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 5,
      ...(config.schema ? { options: `-c search_path="${config.schema}"` } : {}),
    });
    db = new Kysely<ReadModelTables>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
  } else {
    const file = new Database(config.sqliteFile ?? ':memory:');
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('busy_timeout = 5000');
    // Case ids are random, so each batch touches pages all over the tables and their indexes: a
    // page cache of 64 MB (the default is 2 MB) keeps them from being read and written again.
    file.pragma('cache_size = -65536');
    sqlite = new StatementCache(file);
    db = new Kysely<ReadModelTables>({ dialect: new SqliteDialect({ database: sqlite }) });
    dialect = 'sqlite';
  }
  await migrateReadModels(db, dialect === 'postgres' ? (config.schema ?? 'public') : undefined);
  return { db, dialect, sqlite, close: () => db.destroy() };
}
