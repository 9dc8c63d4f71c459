import { SqliteEventStore } from '@app/event-store';
import { CaseProjector, CaseQueries, QUEUES, type CaseFilter, type QueueName, type ReadStore } from '../src';
import type { CaseSummaryRow } from '../src/db/schema';
import { seedRealistic } from './seed';
import { readStores } from './stores';

// Realistic data on PostgreSQL takes a few seconds on a busy two-core machine.
jest.setTimeout(30_000);

const STORES = readStores('Case lists');
const NOW = '2025-04-20T09:00:00.000Z';
const COLUMN = {
  lastChanged: 'last_changed_at',
  dueAt: 'open_deadline_due_at',
  outstanding: 'outstanding',
  overdueFirst: 'queue_order',
  limitation: 'limitation_date',
} as const;

/** Every page, cursor after cursor. */
async function pages(next: (cursor?: string) => Promise<{ items: CaseSummaryRow[]; nextCursor: string | null }>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    seen.push(...page.items.map((r) => r.case_id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

/** What the list must be: the matching rows in (sort value, case id) order, compared as the database does (bytes). */
function expected(rows: CaseSummaryRow[], keep: (r: CaseSummaryRow) => boolean, sort: keyof typeof COLUMN) {
  const column = COLUMN[sort];
  const cmp = (a: string | number, b: string | number) =>
    typeof a === 'number' ? a - (b as number) : Buffer.compare(Buffer.from(a), Buffer.from(b as string));
  return rows
    .filter((r) => keep(r) && (sort !== 'dueAt' || r.open_deadline_due_at !== null))
    .sort((a, b) => cmp(a[column]!, b[column]!) || cmp(a.case_id, b.case_id))
    .map((r) => r.case_id);
}

describe.each(STORES)('case lists on %s', (_, open) => {
  let events: SqliteEventStore;
  let read: ReadStore;
  let rows: CaseSummaryRow[];
  let queries: CaseQueries;
  beforeAll(async () => {
    events = new SqliteEventStore({ file: ':memory:' });
    read = await open();
    // Cut in the middle of their lives, so that every queue holds cases.
    await seedRealistic(events, { seed: 41, events: 5000 });
    await new CaseProjector(events, read).catchUp();
    rows = await read.db.selectFrom('rm_case_summary').selectAll().execute();
    queries = new CaseQueries(read);
  });
  afterAll(async () => {
    await read?.close();
    await events?.close();
  });

  const statusOf = (i: number) => [...new Set(rows.map((r) => r.status))].sort()[i];
  const filters: Array<[string, () => CaseFilter, (r: CaseSummaryRow) => boolean]> = [
    ['no filter', () => ({}), () => true],
    ['a status', () => ({ statuses: [statusOf(0)] }), (r) => r.status === statusOf(0)],
    ['a creditor', () => ({ creditorId: 'creditor-001' }), (r) => r.creditor_id === 'creditor-001'],
    ['the dispute code', () => ({ disputeCode: true }), (r) => r.dispute_code === 1],
    [
      'a creditor and a status',
      () => ({ creditorId: 'creditor-002', statuses: [statusOf(1)] }),
      (r) => r.creditor_id === 'creditor-002' && r.status === statusOf(1),
    ],
  ];
  for (const [label, filter, keep] of filters) {
    for (const sort of ['lastChanged', 'dueAt', 'outstanding', 'overdueFirst'] as const) {
      it(`pages through ${label}, sorted by ${sort}, in order and with every case once`, async () => {
        const seen = await pages((cursor) => queries.list({ ...filter(), sort, limit: 17, cursor }));
        expect(seen).toEqual(expected(rows, keep, sort));
      });
    }
  }

  it('pages through each queue, several statuses merged in one order', async () => {
    const sorts: Partial<Record<QueueName, keyof typeof COLUMN>> = {
      awaitingCreditor: 'overdueFirst',
      awaitingDebtor: 'dueAt',
    };
    let merged = 0;
    for (const [name, queue] of Object.entries(QUEUES)) {
      if (!queue.statuses) continue;
      const statuses: readonly string[] = queue.statuses;
      const want = expected(rows, (r) => statuses.includes(r.status), sorts[name as QueueName] ?? 'lastChanged');
      const seen = await pages((cursor) => queries.queue(name as QueueName, { now: NOW, limit: 9, cursor }));
      expect(seen).toEqual(want);
      if (statuses.length > 1 && new Set(rows.filter((r) => statuses.includes(r.status)).map((r) => r.status)).size > 1)
        merged += 1;
    }
    expect(merged).toBeGreaterThan(0);
  });

  it('pages through the deadlines due and the limitation at risk, the soonest first', async () => {
    const until = new Date(Date.parse(NOW) + 30 * 86_400_000).toISOString();
    const due = await pages((cursor) => queries.queue('deadlinesDue', { now: NOW, days: 30, limit: 7, cursor }));
    expect(due).toEqual(
      expected(
        rows,
        (r) => r.status !== 'closed' && !!r.open_deadline_due_at && r.open_deadline_due_at <= until,
        'dueAt',
      ),
    );
    const limitation = await pages((cursor) =>
      queries.queue('limitationAtRisk', { now: NOW, days: 1200, limit: 7, cursor }),
    );
    const by = new Date(Date.parse(NOW) + 1200 * 86_400_000).toISOString().slice(0, 10);
    expect(limitation.length).toBeGreaterThan(0);
    expect(limitation).toEqual(
      expected(rows, (r) => r.status !== 'closed' && !!r.limitation_date && r.limitation_date <= by, 'limitation'),
    );
  });
});
