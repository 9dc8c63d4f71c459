/* eslint-disable @typescript-eslint/no-explicit-any -- migrations act on tables before the typed schema: Kysely's documented `Kysely<any>` */
import { Kysely, Migrator, type Migration } from 'kysely';

const migrations: Record<string, Migration> = {
  '2026-12-01-01-subject-keys': {
    up: async (db) => {
      await db.schema
        .createTable('pd_subject_keys')
        .ifNotExists()
        .addColumn('subject_id', 'text', (c) => c.primaryKey())
        .addColumn('wrapped_key', 'text')
        .addColumn('master_key_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('erased_at', 'text')
        .addColumn('erase_reason', 'text')
        .execute();
    },
  },
};

/** Brings the key table up to date (Kysely's migrator, migrations kept in code). */
export async function migratePrivacy(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Tables of their own: the key store may share a database and schema with the read models.
    migrationTableName: 'pd_kysely_migration',
    migrationLockTableName: 'pd_kysely_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
