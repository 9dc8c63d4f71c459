import { addDays, addMonths, addYears, type CalendarDate, type Instant } from '../time/dates';
import {
  danishHolidays,
  deadlineAfter,
  isDanishLimitationDay,
  norwegianHolidays,
  type HolidayCalendar,
} from './working-days';
import { packIdOf, type PackId } from '../packs/pack-id';
import type { CaseEvent, CaseEventType, TimerKind } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';

export interface TimerContext {
  facts: CaseFacts;
  at: Instant;
  event: CaseEvent;
}

export interface TimerRule {
  kind: TimerKind;
  /** When it falls due for an entry made by this event; null: no timer in this situation. */
  dueAt(ctx: TimerContext): Instant | null;
  /** Scheduled again each time it fires while its state lasts (the creditor reminder). */
  repeats?: boolean;
  /** Events that restart the period (cancel and schedule anew). */
  restartOn?: readonly CaseEventType[];
}

/**
 * The day-counted deadlines: 14 calendar days, and the heavy fee once 28 days have run after the
 * demand's 14-day deadline (inkassoforskriften § 2-3): the 29th day after that deadline as it
 * fell after rolling forward, which is day 43 after sending when the deadline did not roll. Each
 * rolls past weekends and Norwegian public holidays.
 */
export const DEADLINE_RULES = {
  noticeDeadline: { days: 14, rollForward: true },
  demandDeadline: { days: 14, rollForward: true },
  heavyFeeDue: { days: 29, rollForward: true },
  documentsDeadline: { days: 14, rollForward: true },
  creditorReply: { days: 14, rollForward: true },
  debtorPaymentDeadline: { days: 14, rollForward: true },
  newDemandDeadline: { days: 14, rollForward: true },
} as const satisfies Partial<Record<TimerKind, { days: number; rollForward: boolean }>>;

type DayCounted = keyof typeof DEADLINE_RULES;
type DeadlineRule = { days: number; rollForward: boolean };

/**
 * The Danish pack's day counts (RULES-DK.md): the påkrav runs at least 10 days from sending
 * (inkassoloven § 10; rolling past non-working days is *unconfirmed* for § 10, applied as for
 * limitation); the agency's own letter has no statutory deadline (10 days, policy); there is no
 * heavy fee and no § 11 new demand. The dispute timers are policy, 14 days as in Norway.
 */
export const DANISH_DEADLINE_RULES: Record<DayCounted, DeadlineRule | null> = {
  noticeDeadline: { days: 10, rollForward: true },
  demandDeadline: { days: 10, rollForward: true },
  heavyFeeDue: null,
  documentsDeadline: { days: 14, rollForward: true },
  creditorReply: { days: 14, rollForward: true },
  debtorPaymentDeadline: { days: 14, rollForward: true },
  newDemandDeadline: null,
};

const PACK_DEADLINES: Record<PackId, { rules: Record<DayCounted, DeadlineRule | null>; holidays: HolidayCalendar }> = {
  NO: { rules: DEADLINE_RULES, holidays: norwegianHolidays },
  DK: { rules: DANISH_DEADLINE_RULES, holidays: danishHolidays },
};

/** Whether the pack has this deadline at all (Denmark has no heavy fee and no § 11 new demand). */
export function packHasDeadline(kind: DayCounted, pack: PackId): boolean {
  return PACK_DEADLINES[pack].rules[kind] !== null;
}

export function dueFor(kind: DayCounted, from: Instant, pack: PackId = 'NO'): Instant {
  const { rules, holidays } = PACK_DEADLINES[pack];
  const rule = rules[kind];
  if (!rule) throw new Error(`The ${pack} rule pack has no ${kind} deadline.`);
  return deadlineAfter(from, rule.days, rule.rollForward, holidays);
}

/** A payment demand's two deadlines: its own 14 days, and the heavy fee's 28 days after that. */
export function demandDeadlines(sentAt: Instant): { deadlineAt: Instant; heavyFeeFrom: Instant } {
  const deadlineAt = dueFor('demandDeadline', sentAt);
  return { deadlineAt, heavyFeeFrom: dueFor('heavyFeeDue', deadlineAt) };
}

const LIMITATION_WARNING_DAYS = 90;

export function startOfDay(date: string): Instant {
  return `${date}T00:00:00.000Z`;
}

/**
 * The deadlines of LIFECYCLE.md, as data: when each falls due. Which state owns each (schedules it
 * on entry, cancels it on leaving) is the machine's to say, in its `deadline:<kind>` tags.
 */
export const TIMER_RULES: readonly TimerRule[] = [
  {
    kind: 'noticeDeadline',
    dueAt: ({ facts, at, event }) =>
      event.type === 'CollectionNoticeSent' ? event.data.deadlineAt : dueFor('noticeDeadline', at, packIdOf(facts)),
  },
  {
    kind: 'demandDeadline',
    dueAt: ({ facts, at, event }) =>
      event.type === 'PaymentDemandSent' ? event.data.deadlineAt : dueFor('demandDeadline', at, packIdOf(facts)),
  },
  {
    kind: 'heavyFeeDue',
    dueAt: ({ facts, at, event }) => {
      if (!packHasDeadline('heavyFeeDue', packIdOf(facts))) return null;
      return event.type === 'PaymentDemandSent' && event.data.heavyFeeFrom
        ? event.data.heavyFeeFrom
        : demandDeadlines(at).heavyFeeFrom;
    },
  },
  {
    kind: 'documentsDeadline',
    dueAt: ({ facts, at }) => dueFor('documentsDeadline', at, packIdOf(facts)),
  },
  {
    kind: 'creditorReply',
    repeats: true,
    dueAt: ({ facts, at }) => dueFor('creditorReply', at, packIdOf(facts)),
  },
  {
    kind: 'debtorPaymentDeadline',
    dueAt: ({ facts, at, event }) =>
      event.type === 'ClaimConfirmedToDebtor'
        ? event.data.paymentDeadlineAt
        : dueFor('debtorPaymentDeadline', at, packIdOf(facts)),
  },
  {
    kind: 'newDemandDeadline',
    dueAt: ({ facts, at, event }) => {
      if (event.type === 'NewPaymentDemandSent') return event.data.deadlineAt;
      return packHasDeadline('newDemandDeadline', packIdOf(facts)) ? dueFor('newDemandDeadline', at) : null;
    },
  },
  {
    // The first day a forliksklage would come more than 6 months after the demand (§ 11).
    kind: 'demandExpiry',
    // The collection track may send the demand while the forliksklage is being prepared.
    restartOn: ['PaymentDemandSent'],
    // Entered already expired, there is nothing to wait for: a new demand is allowed at once.
    dueAt: ({ facts, at }) => {
      if (packIdOf(facts) !== 'NO') return null;
      const expires = demandExpiresOn(facts);
      return expires && startOfDay(expires) > at ? startOfDay(expires) : null;
    },
  },
  {
    kind: 'settlementDue',
    dueAt: ({ facts }) => (facts.settlement ? startOfDay(addDays(facts.settlement.dueDate, 1)) : null),
  },
  {
    kind: 'limitationWarning',
    // Interrupted by a forliksklage (dueAt null cancels it); restarted by an acknowledgment.
    restartOn: ['PaymentRegistered', 'DebtorAcceptedClaim', 'BoardSettlementReached'],
    dueAt: ({ facts }) =>
      facts.limitation.interrupted ? null : startOfDay(addDays(limitationDateOf(facts), -LIMITATION_WARNING_DAYS)),
  },
];

/** Legal action must start within 6 months of the betalingsoppfordring (inkassoloven § 11). */
const DEMAND_VALID_MONTHS = 6;

/** The first day the last betalingsoppfordring no longer allows a forliksklage; null if none was sent. */
export function demandExpiresOn(facts: CaseFacts): CalendarDate | null {
  return facts.demandSentOn ? addDays(addMonths(facts.demandSentOn, DEMAND_VALID_MONTHS), 1) : null;
}

/**
 * The day the claim becomes time-barred. In Denmark one falling on a weekend, a public holiday,
 * 5 Jun, 24 or 31 Dec moves to the next weekday (forældelsesloven § 27 (2)).
 */
export function limitationDateOf(facts: CaseFacts): string {
  let date = addYears(facts.limitation.runsFrom, facts.limitation.years);
  if (packIdOf(facts) === 'DK') while (!isDanishLimitationDay(date)) date = addDays(date, 1);
  return date;
}

export const RULE_BY_KIND = new Map(TIMER_RULES.map((r) => [r.kind, r]));
