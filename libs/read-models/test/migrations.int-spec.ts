import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { CaseQueries, openReadStore, type ReadStore } from '../src';
import { LIST_INDEXES } from '../src/db/migrations';

type Reopen = () => Promise<ReadStore>;

const url = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'rm-migrations-'));
const schema = `rm_migr_${randomUUID().slice(0, 8)}`;
const stores: Array<[string, Reopen]> = [['SQLite', () => openReadStore({ sqliteFile: join(dir, 'read.db') })]];
if (url) stores.push(['PostgreSQL', () => openReadStore({ databaseUrl: url, schema })]);
else console.warn('The read-model migration on PostgreSQL is skipped: DATABASE_URL is not set (.ci/run sets it).');

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

describe.each(stores)('read models made before the case tracks, on %s', (_, reopen) => {
  it('get the track columns when opened by this version, and keep their rows', async () => {
    // A store as the previous version left it: no track columns, their migration not yet run.
    const old = await reopen();
    await old.db.insertInto('rm_case_summary').values(row('case-old')).execute();
    for (const column of ['collection_stage', 'dispute_stage']) {
      await old.db.schema.alterTable('rm_case_summary').dropColumn(column).execute();
    }
    // It had run none of the migrations from this one on.
    await sql`delete from rm_kysely_migration where name >= '2026-11-25-01-case-tracks'`.execute(old.db);
    await old.close();

    const upgraded = await reopen();
    const kept = await upgraded.db.selectFrom('rm_case_summary').selectAll().execute();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ case_id: 'case-old', collection_stage: null, dispute_stage: null });
    await upgraded.db
      .updateTable('rm_case_summary')
      .set({ collection_stage: 'demand', dispute_stage: 'assessing' })
      .execute();
    const read = await upgraded.db
      .selectFrom('rm_case_summary')
      .select(['collection_stage', 'dispute_stage'])
      .execute();
    expect(read).toEqual([{ collection_stage: 'demand', dispute_stage: 'assessing' }]);
    await upgraded.close();
  });
});

describe.each(stores)('read models made before the counts and list indexes, on %s', (_, reopen) => {
  it('get the counts filled from their rows and an index for every list order when opened by this version', async () => {
    const old = await reopen();
    await old.db.deleteFrom('rm_case_summary').execute();
    const rows = [
      { ...row('a'), status: 'dispute.assessing', creditor_id: 'c-1', outstanding: 500 },
      {
        ...row('b'),
        status: 'dispute.assessing',
        creditor_id: 'c-2',
        open_deadline_due_at: '2025-01-03T09:00:00.000Z',
      },
      {
        ...row('c'),
        status: 'closed',
        open_deadline_due_at: '2025-01-02T09:00:00.000Z',
        limitation_date: '2025-02-01',
      },
      { ...row('d'), limitation_date: '2025-02-01', open_deadline_due_at: '2025-01-04T08:00:00.000Z' },
    ];
    await old.db.insertInto('rm_case_summary').values(rows).execute();
    // As the previous version left it: no counts, the first four indexes only.
    await old.db.schema.dropTable('rm_case_counts').execute();
    for (const name of LIST_INDEXES.map(([n]) => `rm_case_summary_${n}`)) await old.db.schema.dropIndex(name).execute();
    await sql`delete from rm_kysely_migration where name >= '2026-12-01-02-case-counts-and-list-indexes'`.execute(
      old.db,
    );
    expect(await indexNames(old)).not.toContain('rm_case_summary_by_changed');
    await old.close();

    const upgraded = await reopen();
    const queries = new CaseQueries(upgraded);
    expect(await queries.queueCounts('2025-01-01T09:00:00.000Z', 3)).toMatchObject({
      objectionsToAssess: 2,
      deadlinesDue: 2,
      limitationAtRisk: 1,
    });
    expect((await queries.portfolio('c-1')).byStatus).toEqual([
      { status: 'dispute.assessing', cases: 1, outstanding: 500 },
    ]);
    expect(await indexNames(upgraded)).toEqual(
      expect.arrayContaining(LIST_INDEXES.map(([n]) => `rm_case_summary_${n}`)),
    );
    await upgraded.close();
  });
});

describe.each(stores)('read models made before personal data was tracked, on %s', (_, reopen) => {
  it('get the closing date, the erasure and the debtor index when opened by this version, and keep their rows', async () => {
    const old = await reopen();
    await old.db.deleteFrom('rm_case_summary').execute();
    await old.db.insertInto('rm_case_summary').values(row('case-before-pd')).execute();
    await old.db.schema.dropIndex('rm_case_summary_debtor').ifExists().execute();
    for (const column of ['closed_on', 'personal_data_erased_at']) {
      await old.db.schema.alterTable('rm_case_summary').dropColumn(column).execute();
    }
    await sql`delete from rm_kysely_migration where name >= '2026-12-01-01-personal-data'`.execute(old.db);
    await old.close();

    const upgraded = await reopen();
    const kept = await upgraded.db.selectFrom('rm_case_summary').selectAll().execute();
    expect(kept).toEqual([
      expect.objectContaining({ case_id: 'case-before-pd', closed_on: null, personal_data_erased_at: null }),
    ]);
    await upgraded.db.updateTable('rm_case_summary').set({ closed_on: '2026-12-01' }).execute();
    const read = await upgraded.db.selectFrom('rm_case_summary').select(['closed_on']).execute();
    expect(read).toEqual([{ closed_on: '2026-12-01' }]);
    const indexes = await indexNames(upgraded);
    expect(indexes).toContain('rm_case_summary_debtor');
    await upgraded.close();
  });
});

async function indexNames(store: ReadStore): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(store.db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{
    name: string;
  }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(store.db);
  return rows.rows.map((r) => r.name);
}

function row(caseId: string) {
  return {
    case_id: caseId,
    creditor_id: 'cred-1',
    creditor_reference: 'ref',
    debtor_id: 'd-1',
    debtor_name: 'erased',
    debtor_kind: 'consumer',
    status: 'collection.demand',
    stage: 'Payment demand sent (light fee)',
    principal: 100,
    credited: 0,
    paid: 0,
    fees: 0,
    interest: 0,
    outstanding: 100,
    outstanding_principal: 100,
    disputed: 0,
    collectable: 100,
    interest_accrued_until: '2025-01-01',
    interest_stopped: 0,
    dispute_code: 0,
    collection_paused: 0,
    fees_chargeable_to_debtor: 1,
    stage_at_objection: null,
    open_deadline_kind: null,
    open_deadline_due_at: null,
    creditor_reminders: 0,
    queue_order: '999|9999',
    limitation_date: null,
    allowed_actions: '[]',
    closure_reason: null,
    revision: 0,
    last_changed_at: '2025-01-01T00:00:00.000Z',
  };
}
