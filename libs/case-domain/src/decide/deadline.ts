import type { Instant } from '../time/dates';
import type { CommandOf } from '../commands/case-commands';
import type { CaseEvent, TimerKind } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { limitationDateOf } from '../deadlines/timer-rules';
import { packOf } from '../packs';
import { charge, heavyFeeFor } from './charges';
import { invalid, type Draft } from './rejection';
import { isTransitionEvent } from '../state/evolve';
import type { CaseState } from '../state/case-state';
import { machineAllows } from '../views/allowed-actions';

const consequences: Record<TimerKind, (facts: CaseFacts, at: Instant) => CaseEvent[]> = {
  noticeDeadline: (facts, at) => packOf(facts).firstLetterDeadlinePassed(facts, at),
  demandDeadline: (_, at) => [{ type: 'PaymentDemandDeadlinePassed', data: { at } }],
  heavyFeeDue: (facts, at) => [
    { type: 'HeavyFeeStageReached', data: { at } },
    charge(facts, heavyFeeFor(facts, at), at, 'lightFee'),
  ],
  documentsDeadline: (_, at) => [{ type: 'DocumentsDeadlinePassed', data: { at } }],
  creditorReply: (facts, at) => [
    {
      type: 'CreditorReplyOverdue',
      data: { at, reminderNumber: facts.creditorReminders + 1, creditorReminded: true, debtorInformed: true },
    },
  ],
  debtorPaymentDeadline: (_, at) => [{ type: 'DebtorPaymentDeadlinePassed', data: { at } }],
  settlementDue: (_, at) => [{ type: 'SettlementDueDatePassed', data: { at } }],
  demandExpiry: (facts, at) => [{ type: 'PaymentDemandExpired', data: { at, demandSentOn: facts.demandSentOn! } }],
  newDemandDeadline: (_, at) => [{ type: 'NewPaymentDemandDeadlinePassed', data: { at } }],
  limitationWarning: (facts, at) => [
    { type: 'LimitationWarningIssued', data: { at, limitationDate: limitationDateOf(facts) } },
  ],
};

/**
 * A due timer, as the timer service reports it. It fires at the deadline's own time, not
 * when the service woke up, so a service that was down catches up with the right dates.
 */
export function decideFireDeadline(facts: CaseFacts, command: CommandOf<'FireDeadline'>, state: CaseState): Draft {
  const timer = facts.timers.find((t) => t.timerId === command.data.timerId);
  if (!timer)
    return invalid(`Timer ${command.data.timerId} is not open on this case: it has fired or was cancelled.`, 'state');
  const at = timer.dueAt;
  const follows = consequences[timer.kind](facts, at);
  const move = follows.find(isTransitionEvent);
  if (move && !machineAllows(state, move.type)) {
    // The case moved on in a way the timer did not foresee (say, an older machine version):
    // drop the timer, in the history, rather than fail on it again and again.
    const reason = `${move.type} is not allowed while the case is ${state.status}`;
    return [{ type: 'DeadlineCancelled', data: { at: command.at, timerId: timer.timerId, kind: timer.kind, reason } }];
  }
  return [{ type: 'DeadlineFired', data: { at, timerId: timer.timerId, kind: timer.kind } }, ...follows];
}
