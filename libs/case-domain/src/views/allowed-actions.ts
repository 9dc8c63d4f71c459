import { CASEWORK_ACTIONS, type CaseworkAction } from '../commands/case-commands';
import type { TransitionEvent } from '../events/case-events';
import { ACTION_GATES } from '../decide/gates';
import type { CaseState } from '../state/case-state';

export function machineAllows(state: CaseState, type: TransitionEvent['type']): boolean {
  return state.snapshot.can({ type } as TransitionEvent);
}

/** The actions a caseworker may take now, in the order of the lifecycle. */
export function allowedActions(state: CaseState): CaseworkAction[] {
  return CASEWORK_ACTIONS.filter((action) => ACTION_GATES[action].some((gate) => machineAllows(state, gate)));
}
