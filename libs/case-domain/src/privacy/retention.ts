import type { CalendarDate } from '../time/dates';

/**
 * How long a closed case's personal data is kept (RULES.md, personal data): bookkeeping material
 * is kept 5 years after the end of the accounting year (bokføringsloven § 13), and the debtor's
 * personal data no earlier than 5 years after the case closed. The accounting year is the
 * calendar year. The period is configurable; this is its default.
 */
export const RETENTION_YEARS = 5;

const yearOf = (date: CalendarDate) => Number(date.slice(0, 4));

/** The first day a case closed on `closedOn` may have its personal data erased. */
export function retentionEndsOn(closedOn: CalendarDate, years: number = RETENTION_YEARS): CalendarDate {
  const afterAccountingYear = `${yearOf(closedOn) + years + 1}-01-01`;
  // The day after the 5th anniversary of closure (29 February rolls to 1 March).
  const anniversary = new Date(`${closedOn}T00:00:00.000Z`);
  anniversary.setUTCFullYear(anniversary.getUTCFullYear() + years);
  anniversary.setUTCDate(anniversary.getUTCDate() + 1);
  const afterClosure = anniversary.toISOString().slice(0, 10);
  return afterAccountingYear > afterClosure ? afterAccountingYear : afterClosure;
}

/** The latest closing date whose retention has ended by `today`: what a retention run may erase. */
export function latestClosureErasableOn(today: CalendarDate, years: number = RETENTION_YEARS): CalendarDate {
  return `${yearOf(today) - years - 1}-12-31`;
}
