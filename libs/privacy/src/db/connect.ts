import { openSqlDatabase, type SqlDatabaseConfig } from '@app/sql';
import type { Kysely } from 'kysely';
import { migratePrivacy } from './migrations';
import type { PrivacyTables } from './schema';

export type PrivacyDb = Kysely<PrivacyTables>;

export type PrivacyDbConfig = Pick<SqlDatabaseConfig, 'databaseUrl' | 'schema' | 'sqliteFile' | 'sqlite'>;

/**
 * The key table's database: PostgreSQL when a URL is given (production), else SQLite (the
 * embedded default: the engine's local file, which is left open on close). Migrated on open.
 */
export async function openPrivacyDb(config: PrivacyDbConfig): Promise<PrivacyDb> {
  const { db, schema } = await openSqlDatabase<PrivacyTables>(config);
  try {
    await migratePrivacy(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
