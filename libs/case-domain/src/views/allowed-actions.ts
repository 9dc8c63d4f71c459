import { CASEWORK_ACTIONS, type CaseworkAction } from '../commands/case-commands';
import type { TransitionEvent } from '../events/case-events';
import type { CalendarDate } from '../time/dates';
import { ACTION_GATES } from '../decide/gates';
import { refusalOf } from '../decide/preconditions';
import type { CaseState } from '../state/case-state';

export function machineAllows(state: CaseState, type: TransitionEvent['type']): boolean {
  return state.snapshot.can({ type } as TransitionEvent);
}

/**
 * The actions a caseworker may take on `asOf`, in the order of the lifecycle: those the machine
 * allows in the case's state and no rule on its figures or dates would refuse.
 */
export function allowedActions(state: CaseState, asOf: CalendarDate): CaseworkAction[] {
  return CASEWORK_ACTIONS.filter(
    (action) =>
      ACTION_GATES[action].some((gate) => machineAllows(state, gate)) &&
      (state.facts === null || refusalOf(action, state.facts, asOf) === null),
  );
}
