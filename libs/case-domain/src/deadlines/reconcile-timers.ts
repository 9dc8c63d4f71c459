import type { CaseEvent, DeadlineCancelled, DeadlineScheduled } from '../events/case-events';
import type { CaseState } from '../state/case-state';
import { ownsDeadline } from '../machine/status';
import { TIMER_RULES } from './timer-rules';

/**
 * The timer bookkeeping one transition implies: entering a state schedules its timers,
 * leaving it cancels them, and restart events (a payment for limitation) renew the period.
 * Decided here once, so the timers in the history always agree with the states.
 */
export function reconcileTimers(
  before: CaseState,
  after: CaseState,
  event: CaseEvent,
): Array<DeadlineScheduled | DeadlineCancelled> {
  const facts = after.facts;
  if (!facts) return [];
  const at = event.data.at;
  const out: Array<DeadlineScheduled | DeadlineCancelled> = [];
  let scheduled = facts.timersScheduled;

  for (const rule of TIMER_RULES) {
    const wasActive = ownsDeadline(before.snapshot, rule.kind);
    const isActive = ownsDeadline(after.snapshot, rule.kind);
    const entered = isActive && !wasActive;
    const restarted = isActive && (rule.restartOn?.includes(event.type) ?? false);
    const open = facts.timers.find((t) => t.kind === rule.kind);
    const dueAt = isActive ? rule.dueAt({ facts, at, event }) : null;

    if (open && (!isActive || dueAt === null || entered || restarted)) {
      out.push({ type: 'DeadlineCancelled', data: { at, timerId: open.timerId, kind: open.kind } });
    }
    const wanted = dueAt !== null && (entered || restarted || (rule.repeats === true && !open));
    if (wanted && (!open || entered || restarted)) {
      scheduled += 1;
      out.push({
        type: 'DeadlineScheduled',
        data: { at, timerId: `${facts.caseId}/${rule.kind}/${scheduled}`, kind: rule.kind, dueAt },
      });
    }
  }
  return out;
}
