/* eslint-disable @typescript-eslint/no-explicit-any -- migrations act on tables before and after the typed schema: Kysely's documented `Kysely<any>` */
import { Kysely, Migrator, PostgresAdapter, sql, type Migration } from 'kysely';
import { TABLES, type Generation } from './schema';

/** The list orders of `CaseQueries`: each sort alone, after a status and after a creditor. */
const SORTS = {
  changed: 'last_changed_at',
  due: 'open_deadline_due_at',
  outstanding: 'outstanding',
  overdue: 'queue_order',
} as const;

/**
 * Indexes of the summary table. The first four came with the first migration; the others give
 * every list order and filter of `CaseQueries` an index to read a page from (a list reads one
 * page, never a sort of the matching rows), and the creditor's replies awaited their expression.
 */
const FIRST_INDEXES: ReadonlyArray<readonly [string, string]> = [
  ['status', 'status, open_deadline_due_at, case_id'],
  ['creditor', 'creditor_id, status, case_id'],
  ['deadline', 'open_deadline_due_at, case_id'],
  ['limitation', 'limitation_date, case_id'],
  // A debtor's cases: the access export, erasure and the retention run.
  ['debtor', 'debtor_id, status, closed_on'],
];
export const LIST_INDEXES: ReadonlyArray<readonly [string, string]> = [
  ...Object.entries(SORTS).flatMap(([name, column]) => [
    ...(name === 'due' ? [] : [[`by_${name}`, `${column}, case_id`] as const]),
    ...(name === 'due' ? [] : [[`status_${name}`, `status, ${column}, case_id`] as const]),
    [`creditor_${name}`, `creditor_id, ${column}, case_id`] as const,
  ]),
  // Must match `awaitingReplyPage`'s order expression to the letter (a literal, not a parameter).
  ['awaiting_reply', `creditor_id, status, (coalesce(open_deadline_due_at, '9999-12-31T23:59:59.999Z')), case_id`],
];

/** A tag that keeps a rebuilt generation's index names apart from the live ones (a swap renames tables, not indexes). */
export const indexTag = (generation: Generation) =>
  generation === 'next' ? `_r${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}` : '';

/**
 * The read-model tables of one generation; both dialects accept this SQL. A rebuild creates
 * its tables without their secondary indexes and builds those once the rows are in
 * (`createSummaryIndexes`), which is much cheaper than keeping them up to date row by row.
 */
export async function createTables(
  db: Kysely<any>,
  generation: Generation,
  options: { indexes?: boolean; tag?: string } = {},
): Promise<void> {
  const { summary, timeline, counts } = TABLES[generation];
  const tag = options.tag ?? indexTag(generation);
  await db.schema
    .createTable(summary)
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
    .addColumn('rule_pack', 'text')
    .execute();
  if (options.indexes !== false) await createSummaryIndexes(db, generation, tag);
  await db.schema
    .createTable(timeline)
    .ifNotExists()
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('sentence', 'text', (c) => c.notNull())
    .$call((t) =>
      options.indexes === false ? t : t.addPrimaryKeyConstraint(`rm_timeline_pk${tag}`, ['case_id', 'revision']),
    )
    .execute();
  await createCountsTable(db, counts, tag);
}

/** What a rebuild's tables were created without: the timeline's key and the summaries' indexes. */
export async function createDeferredKeys(db: Kysely<any>, generation: Generation, tag: string): Promise<void> {
  const { timeline } = TABLES[generation];
  const key = `rm_timeline_pk${tag}`;
  // PostgreSQL: a primary key, as a table created with it has; SQLite cannot add one, a unique index is the same to it.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table ${sql.table(timeline)} add constraint ${sql.id(key)} primary key (case_id, revision)`.execute(
      db,
    );
  } else {
    await sql`create unique index ${sql.id(key)} on ${sql.table(timeline)} (case_id, revision)`.execute(db);
  }
  await createSummaryIndexes(db, generation, tag);
}

async function createCountsTable(db: Kysely<any>, table: string, tag: string): Promise<void> {
  await db.schema
    .createTable(table)
    .ifNotExists()
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('cases', 'bigint', (c) => c.notNull())
    .addColumn('outstanding', 'bigint', (c) => c.notNull())
    .addColumn('disputed', 'bigint', (c) => c.notNull())
    .addColumn('collectable', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint(`rm_case_counts_pk${tag}`, ['kind', 'scope', 'bucket'])
    .execute();
}

/**
 * New tables get the first indexes but `creditor`, which the replies-awaited index covers (its
 * prefix is the same); each index costs every summary write that changes its columns a page.
 */
const NEW_TABLE_INDEXES = [...FIRST_INDEXES.filter(([name]) => name !== 'creditor'), ...LIST_INDEXES];

export async function createSummaryIndexes(
  db: Kysely<any>,
  generation: Generation,
  tag: string,
  indexes: ReadonlyArray<readonly [string, string]> = NEW_TABLE_INDEXES,
): Promise<void> {
  for (const [name, columns] of indexes) {
    await sql`create index if not exists ${sql.id(`rm_case_summary_${name}${tag}`)} on ${sql.table(TABLES[generation].summary)} (${sql.raw(columns)})`.execute(
      db,
    );
  }
}

/** The counts as a scan of the summaries finds them: how the counts of an existing store are filled. */
export async function recount(db: Kysely<any>, generation: Generation): Promise<void> {
  const { summary, counts } = TABLES[generation];
  const open = sql`status <> 'closed'`;
  await sql`delete from ${sql.table(counts)}`.execute(db);
  const sums = sql`count(*), coalesce(sum(outstanding), 0), coalesce(sum(disputed), 0), coalesce(sum(collectable), 0)`;
  await sql`insert into ${sql.table(counts)} (kind, scope, bucket, cases, outstanding, disputed, collectable)
    select 'status', '', status, ${sums} from ${sql.table(summary)} group by status`.execute(db);
  await sql`insert into ${sql.table(counts)} (kind, scope, bucket, cases, outstanding, disputed, collectable)
    select 'status', creditor_id, status, ${sums} from ${sql.table(summary)} group by creditor_id, status`.execute(db);
  await sql`insert into ${sql.table(counts)} (kind, scope, bucket, cases, outstanding, disputed, collectable)
    select 'deadline', '', substr(open_deadline_due_at, 1, 10), ${sums} from ${sql.table(summary)}
    where open_deadline_due_at is not null and ${open} group by substr(open_deadline_due_at, 1, 10)`.execute(db);
  await sql`insert into ${sql.table(counts)} (kind, scope, bucket, cases, outstanding, disputed, collectable)
    select 'limitation', '', limitation_date, ${sums} from ${sql.table(summary)}
    where limitation_date is not null and ${open} group by limitation_date`.execute(db);
}

export async function dropTables(db: Kysely<any>, generation: Generation): Promise<void> {
  const { summary, timeline, counts } = TABLES[generation];
  for (const table of [timeline, summary, counts]) await db.schema.dropTable(table).ifExists().execute();
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
  // Counts kept by the projection (not counted by scanning), and an index for every list order.
  '2026-12-01-02-case-counts-and-list-indexes': {
    up: async (db) => {
      await createCountsTable(db, TABLES.live.counts, '');
      await createSummaryIndexes(db, 'live', '', LIST_INDEXES);
      await recount(db, 'live');
    },
  },
  // Rule packs: the pack a case runs under when not Norway's (null: Norway), so a list brings
  // interest up to today at the pack's rate. Older rows are Norwegian; the next rebuild fills it.
  '2026-12-03-01-rule-pack': {
    up: async (db) => {
      await addMissingColumns(db, ['rule_pack']);
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
