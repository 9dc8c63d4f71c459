import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { StatementCache } from './statement-cache';

export interface SqlDatabaseConfig {
  /** PostgreSQL (production): `postgres://…`. */
  databaseUrl?: string;
  /** A PostgreSQL schema of its own (created if missing), e.g. one per deployment or test run. */
  schema?: string;
  /** SQLite: a file of its own (`:memory:` when neither this nor `sqlite` is given). */
  sqliteFile?: string;
  /** SQLite: a database someone else opened and will close (the engine's local file). */
  sqlite?: Database.Database;
  /** SQLite page cache of a file opened here, in MB (SQLite's default is 2). */
  sqliteCacheMb?: number;
}

export interface SqlDatabase<T> {
  db: Kysely<T>;
  dialect: 'sqlite' | 'postgres';
  /** The schema tables live in on PostgreSQL (`public` unless configured); none on SQLite. */
  schema?: string;
  /** SQLite only: the connection under `db`, with its statements prepared once. */
  sqlite?: StatementCache;
}

// int8 as a JS number: amounts are øre well inside 2^53, revisions too.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** PostgreSQL's answers when two sessions run CREATE SCHEMA IF NOT EXISTS at once: the loser's. */
const RACED_TO_CREATE = new Set(['23505', '42P06']);

// The schema is spliced into SQL (CREATE SCHEMA, search_path), where parameters cannot go.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * A database for tables beside the events (read models, personal-data keys): PostgreSQL when a
 * URL is given, else SQLite in WAL mode. One query layer (Kysely) for both; on SQLite every
 * statement is prepared once (Kysely's driver would prepare it again on every call).
 */
export async function openSqlDatabase<T>(config: SqlDatabaseConfig): Promise<SqlDatabase<T>> {
  if (config.databaseUrl) {
    const { databaseUrl, schema } = config;
    if (schema) await createSchema(databaseUrl, schema);
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 5,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    return {
      db: new Kysely<T>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      schema: schema ?? 'public',
    };
  }
  let sqlite: StatementCache;
  if (config.sqlite) {
    // Its owner closes it: closing this database must not close the engine's under it.
    sqlite = new StatementCache(config.sqlite, { owned: false });
  } else {
    const file = new Database(config.sqliteFile ?? ':memory:');
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('busy_timeout = 5000');
    if (config.sqliteCacheMb) file.pragma(`cache_size = -${config.sqliteCacheMb * 1024}`);
    sqlite = new StatementCache(file);
  }
  return { db: new Kysely<T>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite', sqlite };
}

async function createSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Another connection (the read models and the key store open at the same time) created it first.
    if (!RACED_TO_CREATE.has((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await setup.end();
  }
}
