import { addDays, daysBetween, maxDate, minDate, type CalendarDate } from '../time/dates';
import { LATE_INTEREST, LATE_INTEREST_TABLE } from './tables';
import { assertMinor, RuleNotInForce, type Dated, type Minor } from './types';

/** A dated late-interest table: its name (recorded with every accrual) and its half-year rows. */
export interface InterestTable {
  id: string;
  rows: ReadonlyArray<Dated & { bp: number }>;
}

/** Norway's forsinkelsesrente (RULES.md § 2a). */
export const NORWEGIAN_LATE_INTEREST: InterestTable = { id: LATE_INTEREST_TABLE, rows: LATE_INTEREST };

export interface RatePeriod {
  from: CalendarDate;
  to: CalendarDate;
  ratePercentBp: number;
  days: number;
  amount: Minor;
  unconfirmed?: boolean;
  derived?: boolean;
}
export interface InterestAccrual {
  amount: Minor;
  from: CalendarDate;
  to: CalendarDate;
  periods: RatePeriod[];
  table: string;
}

const DAY_COUNT = 365n;
const BP = 10_000n;

/**
 * Late-payment interest on `principal` for each day after `from` up to and including `to`:
 * simple interest, actual/365, at the rate of the half-year each day falls in. The exact sum
 * is rounded once, half up, so splitting a span never gains or loses an øre over the whole.
 */
export function lateInterest(
  principal: Minor,
  from: CalendarDate,
  to: CalendarDate,
  table: InterestTable = NORWEGIAN_LATE_INTEREST,
): InterestAccrual {
  assertMinor(principal, 'principal');
  if (to <= from || principal === 0) return { amount: 0, from, to: maxDate(from, to), periods: [], table: table.id };
  const firstDay = addDays(from, 1);
  const periods: RatePeriod[] = [];
  let numerator = 0n;
  let day = firstDay;
  while (day <= to) {
    const rate = table.rows.find((r) => r.from <= day && (r.to === undefined || day <= r.to));
    if (!rate) throw new RuleNotInForce(`No late-payment interest rate is configured for ${day}.`);
    const end = rate.to === undefined ? to : minDate(rate.to, to);
    const days = daysBetween(day, end) + 1;
    const exact = BigInt(principal) * BigInt(rate.bp) * BigInt(days);
    numerator += exact;
    periods.push({
      from: day,
      to: end,
      ratePercentBp: rate.bp,
      days,
      amount: Number(roundHalfUp(exact, DAY_COUNT * BP)),
      ...(rate.unconfirmed && { unconfirmed: true }),
      ...(rate.derived && { derived: true }),
    });
    day = addDays(end, 1);
  }
  return { amount: Number(roundHalfUp(numerator, DAY_COUNT * BP)), from, to, periods, table: table.id };
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** The first day late-payment interest can be computed for: a claim must fall due after it. */
export const FIRST_INTEREST_DAY: CalendarDate = LATE_INTEREST[0].from;
