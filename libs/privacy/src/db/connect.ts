import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migratePrivacy } from './migrations';
import type { PrivacyTables } from './schema';

export type PrivacyDb = Kysely<PrivacyTables>;

export interface PrivacyDbConfig {
  databaseUrl?: string;
  sqliteFile?: string;
  /** An open SQLite database to keep the table in (the engine's local file); left open on close. */
  sqlite?: Database.Database;
  schema?: string;
}

/** PostgreSQL's answers when two sessions run CREATE SCHEMA IF NOT EXISTS at once: the loser's. */
const RACED_TO_CREATE = new Set(['23505', '42P06']);

// The schema is spliced into SQL (CREATE SCHEMA, search_path), where parameters cannot go.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The key table's database: PostgreSQL when a URL is given (production), else SQLite (the
 * embedded default). One query layer (Kysely) for both; migrated on open.
 */
export async function openPrivacyDb(config: PrivacyDbConfig): Promise<PrivacyDb> {
  let db: PrivacyDb;
  let schema: string | undefined;
  if (config.databaseUrl) {
    if (config.schema) {
      if (!SCHEMA_NAME.test(config.schema)) throw new Error(`Invalid schema name "${config.schema}"`);
      const setup = new pg.Client({ connectionString: config.databaseUrl });
      await setup.connect();
      try {
        await setup.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema}"`);
      } catch (error) {
        // Another connection (the read models, opened at the same time) created it first.
        if (!RACED_TO_CREATE.has((error as { code?: string }).code ?? '')) throw error;
      } finally {
        await setup.end();
      }
    }
    // A schema per deployment (or per test run) keeps deployments apart in one database.
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 5,
      ...(config.schema ? { options: `-c search_path="${config.schema}"` } : {}),
    });
    db = new Kysely<PrivacyTables>({ dialect: new PostgresDialect({ pool }) });
    schema = config.schema ?? 'public';
  } else if (config.sqlite) {
    const shared = config.sqlite;
    // Its owner closes it: closing the key store must not close the engine's database under it.
    const borrowed = { prepare: (sql: string) => shared.prepare(sql), close: () => undefined };
    db = new Kysely<PrivacyTables>({ dialect: new SqliteDialect({ database: borrowed }) });
  } else {
    const sqlite = new Database(config.sqliteFile ?? ':memory:');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<PrivacyTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  try {
    await migratePrivacy(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
