import { addDays, type CalendarDate, type Instant } from '@app/case-domain';
import type { ReadStore } from '../db/connect';
import { TABLES } from '../db/schema';

const LIVE = TABLES.live;

/** Cases per status, from the counts the projection keeps (overall, or one creditor's) with their amounts. */
export async function statusCounts(read: ReadStore, scope = '') {
  const rows = await read.db
    .selectFrom(LIVE.counts)
    .select(['bucket', 'cases', 'outstanding', 'disputed', 'collectable'])
    .where('kind', '=', 'status')
    .where('scope', '=', scope)
    .where('cases', '>', 0)
    .orderBy('bucket')
    .execute();
  return rows.map((r) => ({
    status: r.bucket,
    cases: Number(r.cases),
    outstanding: Number(r.outstanding),
    disputed: Number(r.disputed),
    collectable: Number(r.collectable),
  }));
}

/**
 * The counts of the queues page in one read of the counts: cases per status, open cases due by
 * `until` (whole days from the counts, its own day on the deadline index) and open cases whose
 * limitation date is by `limitationUntil`.
 */
export async function queueTotals(read: ReadStore, until: Instant, limitationUntil: CalendarDate) {
  const day = until.slice(0, 10);
  // The day buckets are summed by the database: there is one per day a deadline or limitation falls on.
  const rows = await read.db
    .selectFrom(LIVE.counts)
    .select((eb) => [
      'kind',
      eb.case().when('kind', '=', 'status').then(eb.ref('bucket')).else('').end().as('status_bucket'),
      eb.fn.sum<number>('cases').as('cases'),
    ])
    .where('scope', '=', '')
    .where((eb) =>
      eb.or([
        eb('kind', '=', 'status'),
        eb.and([eb('kind', '=', 'deadline'), eb('bucket', '<', day)]),
        eb.and([eb('kind', '=', 'limitation'), eb('bucket', '<=', limitationUntil)]),
      ]),
    )
    .groupBy(['kind', 'status_bucket'])
    .execute();
  const byStatus = new Map<string, number>();
  let due = await sameDayDue(read, day, until);
  let limitation = 0;
  for (const r of rows) {
    if (r.kind === 'status') byStatus.set(r.status_bucket, Number(r.cases));
    else if (r.kind === 'deadline') due += Number(r.cases);
    else limitation += Number(r.cases);
  }
  return { byStatus, due, limitation };
}

async function sameDayDue(read: ReadStore, day: CalendarDate, until: Instant): Promise<number> {
  const row = await read.db
    .selectFrom(LIVE.summary)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('open_deadline_due_at', '>=', day)
    .where('open_deadline_due_at', '<=', until)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const dueBy = (now: Instant, days: number): Instant =>
  new Date(Date.parse(now) + days * 86_400_000).toISOString();
export const limitationBy = (now: Instant, days: number): CalendarDate => addDays(now.slice(0, 10), days);
