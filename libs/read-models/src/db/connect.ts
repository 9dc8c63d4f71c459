import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateReadModels } from './migrations';
import type { ReadModelTables } from './schema';

export type ReadDb = Kysely<ReadModelTables>;
export interface ReadStore {
  db: ReadDb;
  dialect: 'sqlite' | 'postgres';
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
    const sqlite = new Database(config.sqliteFile ?? ':memory:');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<ReadModelTables>({ dialect: new SqliteDialect({ database: sqlite }) });
    dialect = 'sqlite';
  }
  await migrateReadModels(db, dialect === 'postgres' ? (config.schema ?? 'public') : undefined);
  return { db, dialect, close: () => db.destroy() };
}
