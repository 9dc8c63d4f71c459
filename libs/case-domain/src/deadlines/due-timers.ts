import type { Instant } from '../time/dates';
import type { CaseState, OpenTimer } from '../state/case-state';

/** The open timers due by `now`, earliest first: what a timer service fires next. */
export function dueTimers(state: CaseState, now: Instant): OpenTimer[] {
  return (state.facts?.timers ?? []).filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
