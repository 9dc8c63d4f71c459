import { addDays, addMonths, addYears, type CalendarDate, type Instant } from '../time/dates';
import { deadlineAfter } from './working-days';
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

export function dueFor(kind: keyof typeof DEADLINE_RULES, from: Instant): Instant {
  const rule = DEADLINE_RULES[kind];
  return deadlineAfter(from, rule.days, rule.rollForward);
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
    dueAt: ({ at, event }) =>
      event.type === 'CollectionNoticeSent' ? event.data.deadlineAt : dueFor('noticeDeadline', at),
  },
  {
    kind: 'demandDeadline',
    dueAt: ({ at, event }) =>
      event.type === 'PaymentDemandSent' ? event.data.deadlineAt : dueFor('demandDeadline', at),
  },
  {
    kind: 'heavyFeeDue',
    dueAt: ({ at, event }) =>
      event.type === 'PaymentDemandSent' ? event.data.heavyFeeFrom : demandDeadlines(at).heavyFeeFrom,
  },
  {
    kind: 'documentsDeadline',
    dueAt: ({ at }) => dueFor('documentsDeadline', at),
  },
  {
    kind: 'creditorReply',
    repeats: true,
    dueAt: ({ at }) => dueFor('creditorReply', at),
  },
  {
    kind: 'debtorPaymentDeadline',
    dueAt: ({ at, event }) =>
      event.type === 'ClaimConfirmedToDebtor' ? event.data.paymentDeadlineAt : dueFor('debtorPaymentDeadline', at),
  },
  {
    kind: 'newDemandDeadline',
    dueAt: ({ at, event }) =>
      event.type === 'NewPaymentDemandSent' ? event.data.deadlineAt : dueFor('newDemandDeadline', at),
  },
  {
    // The first day a forliksklage would come more than 6 months after the demand (§ 11).
    kind: 'demandExpiry',
    // The collection track may send the demand while the forliksklage is being prepared.
    restartOn: ['PaymentDemandSent'],
    // Entered already expired, there is nothing to wait for: a new demand is allowed at once.
    dueAt: ({ facts, at }) => {
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

export function limitationDateOf(facts: CaseFacts): string {
  return addYears(facts.limitation.runsFrom, facts.limitation.years);
}

export const RULE_BY_KIND = new Map(TIMER_RULES.map((r) => [r.kind, r]));
