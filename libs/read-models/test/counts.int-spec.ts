import { sql } from 'kysely';
import { SqliteEventStore } from '@app/event-store';
import { CaseProjector, CaseQueries, QUEUES, rebuildReadModels, type QueueName, type ReadStore } from '../src';
import { seedRealistic } from './seed';
import { readStores } from './stores';

// Realistic data on PostgreSQL takes a few seconds on a busy two-core machine.
jest.setTimeout(30_000);

const STORES = readStores('Queue counts');
const NOW = '2025-05-20T09:00:00.000Z';

/** The counts as a scan of the summaries finds them: what the kept counts must always equal. */
async function scanned(read: ReadStore, now: string) {
  const byStatus = await read.db
    .selectFrom('rm_case_summary')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const count = (statuses: readonly string[]) =>
    byStatus.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + Number(r.n), 0);
  const one = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(read.db)).rows[0].n);
  const until = new Date(Date.parse(now) + 7 * 86_400_000).toISOString();
  const limitation = new Date(Date.parse(now) + 180 * 86_400_000).toISOString().slice(0, 10);
  const counts: Record<string, number> = {
    deadlinesDue: await one(
      sql<{
        n: number;
      }>`select count(*) as n from rm_case_summary where open_deadline_due_at <= ${until} and status <> 'closed'`,
    ),
    limitationAtRisk: await one(
      sql<{
        n: number;
      }>`select count(*) as n from rm_case_summary where limitation_date <= ${limitation} and status <> 'closed'`,
    ),
  };
  for (const [name, q] of Object.entries(QUEUES)) if (q.statuses) counts[name] = count(q.statuses);
  return counts as Record<QueueName, number>;
}

async function portfolioScanned(read: ReadStore, creditorId: string) {
  const rows = await read.db
    .selectFrom('rm_case_summary')
    .where('creditor_id', '=', creditorId)
    .select(['status', (eb) => eb.fn.countAll<number>().as('cases'), (eb) => eb.fn.sum<number>('outstanding').as('o')])
    .groupBy('status')
    .orderBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, cases: Number(r.cases), outstanding: Number(r.o) }));
}

describe.each(STORES)('queue counts kept by the projection, on %s', (_, open) => {
  let events: SqliteEventStore;
  let read: ReadStore;
  beforeEach(async () => {
    events = new SqliteEventStore({ file: ':memory:' });
    read = await open();
  });
  afterEach(async () => {
    await read?.close();
    await events.close();
  });

  it('given realistic interleaved cases projected batch by batch, then every queue count and portfolio equals a scan of the cases, and a rebuild keeps the same counts', async () => {
    await seedRealistic(events, { seed: 21, cases: 400 });
    await new CaseProjector(events, read, { batchSize: 97 }).catchUp();
    const queries = new CaseQueries(read);
    const live = await queries.queueCounts(NOW);
    expect(live).toEqual(await scanned(read, NOW));
    expect(Object.values(live).filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
    const creditors = ['creditor-001', 'creditor-002', 'creditor-017'];
    const portfolios = await Promise.all(creditors.map((c) => queries.portfolio(c)));
    for (const [i, c] of creditors.entries()) expect(portfolios[i].byStatus).toEqual(await portfolioScanned(read, c));

    await rebuildReadModels(events, read, undefined, { cacheSize: 25 });
    expect(await queries.queueCounts(NOW)).toEqual(live);
    expect(await Promise.all(creditors.map((c) => queries.portfolio(c)))).toEqual(portfolios);
    const rows = await read.db
      .selectFrom('rm_case_counts')
      .selectAll()
      .orderBy('kind')
      .orderBy('scope')
      .orderBy('bucket')
      .execute();
    expect(rows.every((r) => Number(r.cases) > 0)).toBe(true);
  });

  it('given the days ahead of a deadline queue, then the count counts the deadlines due by that very instant', async () => {
    await seedRealistic(events, { seed: 22, cases: 300 });
    await new CaseProjector(events, read).catchUp();
    const queries = new CaseQueries(read);
    for (const days of [0, 1, 3, 7, 30]) {
      const at = new Date(Date.parse(NOW) + 3_600_000 * 5).toISOString();
      expect((await queries.queueCounts(at, days)).deadlinesDue).toBe(
        Number(
          (await read.db
            .selectFrom('rm_case_summary')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('open_deadline_due_at', '<=', new Date(Date.parse(at) + days * 86_400_000).toISOString())
            .where('status', '!=', 'closed')
            .executeTakeFirst())!.n,
        ),
      );
    }
  });
});
