/* eslint-disable @typescript-eslint/no-explicit-any -- migrations act on tables before and after the typed schema: Kysely's documented `Kysely<any>` */
import { Kysely, Migrator, PostgresAdapter, sql, type Migration } from 'kysely';
import type { Generation } from './schema';

/** The read-model tables of one generation; both dialects accept this SQL. */
export async function createTables(db: Kysely<any>, generation: Generation): Promise<void> {
  const suffix = generation === 'next' ? '_next' : '';
  // A swap renames tables but not their indexes: rebuilt tables get index names of their own.
  const tag =
    generation === 'next' ? `_r${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}` : '';
  await db.schema
    .createTable(`rm_case_summary${suffix}`)
    .ifNotExists()
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('creditor_reference', 'text', (c) => c.notNull())
    .addColumn('debtor_id', 'text', (c) => c.notNull())
    .addColumn('debtor_name', 'text', (c) => c.notNull())
    .addColumn('debtor_kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('collection_stage', 'text')
    .addColumn('dispute_stage', 'text')
    .addColumn('principal', 'bigint', (c) => c.notNull())
    .addColumn('credited', 'bigint', (c) => c.notNull())
    .addColumn('paid', 'bigint', (c) => c.notNull())
    .addColumn('fees', 'bigint', (c) => c.notNull())
    .addColumn('interest', 'bigint', (c) => c.notNull())
    .addColumn('outstanding', 'bigint', (c) => c.notNull())
    .addColumn('outstanding_principal', 'bigint', (c) => c.notNull())
    .addColumn('disputed', 'bigint', (c) => c.notNull())
    .addColumn('collectable', 'bigint', (c) => c.notNull())
    .addColumn('interest_accrued_until', 'text', (c) => c.notNull())
    .addColumn('interest_stopped', 'integer', (c) => c.notNull())
    .addColumn('dispute_code', 'integer', (c) => c.notNull())
    .addColumn('collection_paused', 'integer', (c) => c.notNull())
    .addColumn('fees_chargeable_to_debtor', 'integer', (c) => c.notNull())
    .addColumn('stage_at_objection', 'text')
    .addColumn('open_deadline_kind', 'text')
    .addColumn('open_deadline_due_at', 'text')
    .addColumn('creditor_reminders', 'integer', (c) => c.notNull())
    .addColumn('queue_order', 'text', (c) => c.notNull())
    .addColumn('limitation_date', 'text')
    .addColumn('allowed_actions', 'text', (c) => c.notNull())
    .addColumn('closure_reason', 'text')
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('last_changed_at', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('personal_data_erased_at', 'text')
    .execute();
  for (const [name, columns] of [
    ['status', ['status', 'open_deadline_due_at', 'case_id']],
    ['creditor', ['creditor_id', 'status', 'case_id']],
    ['deadline', ['open_deadline_due_at', 'case_id']],
    ['limitation', ['limitation_date', 'case_id']],
    // A debtor's cases: the access export, erasure and the retention run.
    ['debtor', ['debtor_id', 'status', 'closed_on']],
  ] as const) {
    await db.schema
      .createIndex(`rm_case_summary_${name}${tag}`)
      .ifNotExists()
      .on(`rm_case_summary${suffix}`)
      .columns([...columns])
      .execute();
  }
  await db.schema
    .createTable(`rm_timeline${suffix}`)
    .ifNotExists()
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('sentence', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`rm_timeline_pk${tag}`, ['case_id', 'revision'])
    .execute();
}

export async function dropTables(db: Kysely<any>, generation: Generation): Promise<void> {
  const suffix = generation === 'next' ? '_next' : '';
  await db.schema.dropTable(`rm_timeline${suffix}`).ifExists().execute();
  await db.schema.dropTable(`rm_case_summary${suffix}`).ifExists().execute();
}

const migrations: Record<string, Migration> = {
  '2026-11-22-01-read-models': {
    up: async (db) => {
      await createTables(db, 'live');
      await db.schema
        .createTable('rm_checkpoints')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .execute();
    },
  },
  '2026-11-24-01-parked-streams': {
    up: async (db) => {
      await db.schema
        .createTable('rm_parked_streams')
        .ifNotExists()
        .addColumn('projection', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('stream_id', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('revision', 'bigint', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('error', 'text', (c) => c.notNull())
        .addColumn('parked_at', 'text', (c) => c.notNull())
        .addColumn('failed_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rm_parked_streams_pk', ['projection', 'case_id'])
        .execute();
    },
  },
  // Machine 2.0.0 runs an open case on two tracks. Tables made by the first migration since then
  // have the columns already; older ones get them here (filled by the next rebuild).
  '2026-11-25-01-case-tracks': {
    up: async (db) => {
      await addMissingColumns(db, ['collection_stage', 'dispute_stage']);
    },
  },
  // Personal data: when a case closed (its retention runs from then) and whether its debtor was
  // erased, with an index for a debtor's cases. Older rows get them from the next rebuild.
  '2026-12-01-01-personal-data': {
    up: async (db) => {
      if (await addMissingColumns(db, ['closed_on', 'personal_data_erased_at'])) {
        await db.schema
          .createIndex('rm_case_summary_debtor')
          .ifNotExists()
          .on('rm_case_summary')
          .columns(['debtor_id', 'status', 'closed_on'])
          .execute();
      }
    },
  },
};

/** Adds the text columns the live summary table lacks; false when there is no such table yet. */
async function addMissingColumns(db: Kysely<any>, columns: string[]): Promise<boolean> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // PostgreSQL lists the tables of every schema: ours is the first on the search path.
  const schema = postgres ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s : undefined;
  const tables = await db.introspection.getTables();
  const summary = tables.find((t) => t.name === 'rm_case_summary' && (!postgres || t.schema === schema));
  if (!summary) return false;
  for (const column of columns) {
    if (!summary.columns.some((c) => c.name === column)) {
      await db.schema.alterTable('rm_case_summary').addColumn(column, 'text').execute();
    }
  }
  return true;
}

/** Brings the read-model schema up to date (Kysely's migrator, migrations kept in code). */
export async function migrateReadModels(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'rm_kysely_migration',
    migrationLockTableName: 'rm_kysely_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
