import { transition } from 'xstate';
import { LEDGER_EVENT_TYPES, type CaseEvent, type TransitionEvent } from '../events/case-events';
import { caseMachine } from '../machine/case-machine';
import { statusOf, type CaseSnapshot, type CaseStatus } from '../machine/status';
import { initialCaseState, type CaseState } from './case-state';
import { evolveFacts } from './evolve-facts';

export function isTransitionEvent(event: CaseEvent): event is TransitionEvent {
  return !LEDGER_EVENT_TYPES.has(event.type);
}

/**
 * The machine has no context and no guards, so where it goes depends only on where it is and
 * the event's type: each step is computed once and the resulting snapshot shared. Replaying a
 * million events then costs a map lookup per event instead of a full XState transition.
 */
const steps = new WeakMap<CaseSnapshot, Map<string, { snapshot: CaseSnapshot; status: CaseStatus }>>();

function step(snapshot: CaseSnapshot, event: TransitionEvent): { snapshot: CaseSnapshot; status: CaseStatus } {
  let known = steps.get(snapshot);
  if (!known) steps.set(snapshot, (known = new Map()));
  let next = known.get(event.type);
  if (!next) {
    const [after] = transition(caseMachine, snapshot, event);
    next = { snapshot: after, status: statusOf(after) };
    known.set(event.type, next);
  }
  return next;
}

/** Applies one recorded fact. Never refuses: what is in the stream has happened. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const { snapshot, status } = isTransitionEvent(event) ? step(state.snapshot, event) : state;
  return { snapshot, status, facts: evolveFacts(state.facts, event) };
}

export function fold(events: readonly CaseEvent[], from: CaseState = initialCaseState): CaseState {
  return events.reduce(evolve, from);
}
