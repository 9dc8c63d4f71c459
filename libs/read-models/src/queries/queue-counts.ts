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
 * Open cases whose open deadline falls due by `until`: the whole days before its day from the
 * counts per day, and its own day counted on the deadline index (one day's cases at most).
 */
export async function dueCount(read: ReadStore, until: Instant): Promise<number> {
  const day = until.slice(0, 10);
  const before = await read.db
    .selectFrom(LIVE.counts)
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('cases'), eb.lit(0)).as('n'))
    .where('kind', '=', 'deadline')
    .where('scope', '=', '')
    .where('bucket', '<', day)
    .executeTakeFirst();
  const sameDay = await read.db
    .selectFrom(LIVE.summary)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('open_deadline_due_at', '>=', day)
    .where('open_deadline_due_at', '<=', until)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  return Number(before?.n ?? 0) + Number(sameDay?.n ?? 0);
}

/** Open cases whose limitation date is on or before `until`, from the counts per date. */
export async function limitationCount(read: ReadStore, until: CalendarDate): Promise<number> {
  const row = await read.db
    .selectFrom(LIVE.counts)
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('cases'), eb.lit(0)).as('n'))
    .where('kind', '=', 'limitation')
    .where('scope', '=', '')
    .where('bucket', '<=', until)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const dueBy = (now: Instant, days: number): Instant =>
  new Date(Date.parse(now) + days * 86_400_000).toISOString();
export const limitationBy = (now: Instant, days: number): CalendarDate => addDays(now.slice(0, 10), days);
