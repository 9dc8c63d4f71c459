import { transition } from 'xstate';
import type { CaseEvent, TransitionEvent } from '../events/case-events';
import { caseMachine } from '../machine/case-machine';
import {
  carriesDisputeCode,
  CLOSING_EVENTS,
  MACHINE_EVENT_TYPES,
  moveKeyOf,
  statusOf,
  type CaseSnapshot,
  type CaseStatus,
} from '../machine/status';
import { initialCaseState, type CaseFacts, type CaseState } from './case-state';
import { evolveFacts } from './evolve-facts';

/** Whether the machine has a say over this event (the rest is bookkeeping: fees, timers). */
export function isTransitionEvent(event: CaseEvent): event is TransitionEvent {
  return MACHINE_EVENT_TYPES.has(event.type);
}

/**
 * The machine has no context, and its guards read the states and, for an objection, its scope,
 * so where it goes depends only on where it is and the event's move key: each step is computed
 * once and the resulting snapshot shared. Replaying a million events then costs a map lookup
 * per event instead of a full XState transition.
 */
const steps = new WeakMap<CaseSnapshot, Map<string, { snapshot: CaseSnapshot; status: CaseStatus }>>();

function step(snapshot: CaseSnapshot, event: TransitionEvent): { snapshot: CaseSnapshot; status: CaseStatus } {
  let known = steps.get(snapshot);
  if (!known) steps.set(snapshot, (known = new Map()));
  const key = moveKeyOf(event);
  let next = known.get(key);
  if (!next) {
    const [after] = transition(caseMachine, snapshot, event);
    next = { snapshot: after, status: statusOf(after) };
    known.set(key, next);
  }
  return next;
}

/** Applies one recorded fact. Never refuses: what is in the stream has happened. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  if (!isTransitionEvent(event)) return { ...state, facts: evolveFacts(state.facts, event) };
  const { snapshot, status } = step(state.snapshot, event);
  return { snapshot, status, facts: afterMove(state.snapshot, snapshot, evolveFacts(state.facts, event), event) };
}

/** What the move itself says: closing the case (and why), or leaving the states under the dispute code. */
function afterMove(before: CaseSnapshot, after: CaseSnapshot, facts: CaseFacts | null, event: TransitionEvent) {
  if (!facts) return facts;
  const closure = CLOSING_EVENTS.get(event.type);
  if (closure) {
    const reason = closure === 'manual' && event.type === 'CaseClosed' ? event.data.reason : closure;
    return { ...facts, dispute: null, closure: { reason, at: event.data.at } } as CaseFacts;
  }
  return carriesDisputeCode(before) && !carriesDisputeCode(after) ? { ...facts, dispute: null } : facts;
}

export function fold(events: readonly CaseEvent[], from: CaseState = initialCaseState): CaseState {
  return events.reduce(evolve, from);
}
