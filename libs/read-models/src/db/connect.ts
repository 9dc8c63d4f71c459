import { openSqlDatabase, type StatementCache } from '@app/sql';
import type { Kysely } from 'kysely';
import { migrateReadModels } from './migrations';
import type { ReadModelTables } from './schema';

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

/**
 * The read models' database: PostgreSQL when a URL is given (production), else SQLite (the
 * embedded default). One schema and one query layer (Kysely) for both; migrated on open.
 */
export async function openReadStore(config: {
  databaseUrl?: string;
  sqliteFile?: string;
  schema?: string;
}): Promise<ReadStore> {
  // Case ids are random, so each batch touches pages all over the tables and their indexes: a
  // page cache of 64 MB (the default is 2 MB) keeps them from being read and written again.
  const { db, dialect, schema, sqlite } = await openSqlDatabase<ReadModelTables>({ ...config, sqliteCacheMb: 64 });
  await migrateReadModels(db, schema);
  return { db, dialect, sqlite, close: () => db.destroy() };
}
