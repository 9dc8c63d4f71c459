import { transition } from 'xstate';
import { LEDGER_EVENT_TYPES, type CaseEvent, type TransitionEvent } from '../events/case-events';
import { caseMachine } from '../machine/case-machine';
import { statusOf } from '../machine/status';
import { initialCaseState, type CaseState } from './case-state';
import { evolveFacts } from './evolve-facts';

export function isTransitionEvent(event: CaseEvent): event is TransitionEvent {
  return !LEDGER_EVENT_TYPES.has(event.type);
}

/** Applies one recorded fact. Never refuses: what is in the stream has happened. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const snapshot = isTransitionEvent(event) ? transition(caseMachine, state.snapshot, event)[0] : state.snapshot;
  return { snapshot, status: statusOf(snapshot), facts: evolveFacts(state.facts, event) };
}

export function fold(events: readonly CaseEvent[], from: CaseState = initialCaseState): CaseState {
  return events.reduce(evolve, from);
}
