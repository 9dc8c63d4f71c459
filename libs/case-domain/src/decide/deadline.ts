import { addDaysToInstant, type Instant } from '../time/dates';
import type { CommandOf } from '../commands/case-commands';
import type { CaseEvent, TimerKind } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { limitationDateOf } from '../deadlines/timer-rules';
import { charge, heavyFeeFor, lightFeeFor } from './charges';
import { invalid, type Draft } from './rejection';

const consequences: Record<TimerKind, (facts: CaseFacts, at: Instant) => CaseEvent[]> = {
  noticeDeadline: (facts, at) => [
    { type: 'PaymentDemandSent', data: { at, deadlineAt: addDaysToInstant(at, 14), heavyFeeFrom: addDaysToInstant(at, 43) } },
    charge(facts, lightFeeFor(facts, at), at),
  ],
  demandDeadline: (_, at) => [{ type: 'PaymentDemandDeadlinePassed', data: { at } }],
  heavyFeeDue: (facts, at) => [
    { type: 'HeavyFeeStageReached', data: { at } },
    charge(facts, heavyFeeFor(facts, at), at, 'lightFee'),
  ],
  documentsDeadline: (_, at) => [{ type: 'DocumentsDeadlinePassed', data: { at } }],
  creditorReply: (facts, at) => [
    { type: 'CreditorReplyOverdue', data: { at, reminderNumber: facts.creditorReminders + 1, creditorReminded: true, debtorInformed: true } },
  ],
  debtorPaymentDeadline: (_, at) => [{ type: 'DebtorPaymentDeadlinePassed', data: { at } }],
  settlementDue: (_, at) => [{ type: 'SettlementDueDatePassed', data: { at } }],
  limitationWarning: (facts, at) => [{ type: 'LimitationWarningIssued', data: { at, limitationDate: limitationDateOf(facts) } }],
};

/**
 * A due timer, as the timer service reports it. It fires at the deadline's own time, not
 * when the service woke up, so a service that was down catches up with the right dates.
 */
export function decideFireDeadline(facts: CaseFacts, { data }: CommandOf<'FireDeadline'>): Draft {
  const timer = facts.timers.find((t) => t.timerId === data.timerId);
  if (!timer) return invalid(`Timer ${data.timerId} is not open on this case: it has fired or was cancelled.`, 'state');
  const at = timer.dueAt;
  return [{ type: 'DeadlineFired', data: { at, timerId: timer.timerId, kind: timer.kind } }, ...consequences[timer.kind](facts, at)];
}

