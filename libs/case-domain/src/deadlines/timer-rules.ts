import { addDays, addYears, type Instant } from '../time/dates';
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
 * The day-counted deadlines: 14 calendar days, and the heavy fee 28 days after the demand's
 * 14-day deadline (day 43, inkassoforskriften § 2-3). Each rolls past weekends and Norwegian
 * public holidays unless its rule says otherwise.
 */
export const DEADLINE_RULES = {
  noticeDeadline: { days: 14, rollForward: true },
  demandDeadline: { days: 14, rollForward: true },
  heavyFeeDue: { days: 43, rollForward: true },
  documentsDeadline: { days: 14, rollForward: true },
  creditorReply: { days: 14, rollForward: true },
  debtorPaymentDeadline: { days: 14, rollForward: true },
} as const satisfies Partial<Record<TimerKind, { days: number; rollForward: boolean }>>;

export function dueFor(kind: keyof typeof DEADLINE_RULES, from: Instant): Instant {
  const rule = DEADLINE_RULES[kind];
  return deadlineAfter(from, rule.days, rule.rollForward);
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
      event.type === 'PaymentDemandSent' ? event.data.heavyFeeFrom : dueFor('heavyFeeDue', at),
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

export function limitationDateOf(facts: CaseFacts): string {
  return addYears(facts.limitation.runsFrom, facts.limitation.years);
}

export const RULE_BY_KIND = new Map(TIMER_RULES.map((r) => [r.kind, r]));
