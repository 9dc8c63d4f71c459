import { CASEWORK_ACTIONS, type CaseworkAction } from '../commands/case-commands';
import type { TransitionEvent } from '../events/case-events';
import type { CalendarDate } from '../time/dates';
import { ACTION_GATES, ACTION_VARIANTS } from '../decide/gates';
import { refusalOf } from '../decide/preconditions';
import type { CaseState } from '../state/case-state';

export function machineAllows(state: CaseState, type: TransitionEvent['type']): boolean {
  return state.snapshot.can({ type } as TransitionEvent);
}

type Gate = TransitionEvent['type'];
const GATES: readonly Gate[] = [...new Set(Object.values(ACTION_GATES).flat())];
const openBySnapshot = new WeakMap<CaseState['snapshot'], ReadonlySet<Gate>>();

/**
 * The gates the machine takes in this state. The machine has no context, so they depend on the
 * snapshot alone, which evolve's step cache shares between cases in the same state: asked of
 * XState once per snapshot, and read by both the actions and their variants.
 */
function openGates(state: CaseState): ReadonlySet<Gate> {
  let open = openBySnapshot.get(state.snapshot);
  if (!open) {
    open = new Set(GATES.filter((gate) => machineAllows(state, gate)));
    openBySnapshot.set(state.snapshot, open);
  }
  return open;
}

/**
 * The actions a caseworker may take on `asOf`, in the order of the lifecycle: those the machine
 * allows in the case's state and no rule on its figures or dates would refuse.
 */
export function allowedActions(state: CaseState, asOf: CalendarDate): CaseworkAction[] {
  const open = openGates(state);
  return CASEWORK_ACTIONS.filter(
    (action) =>
      ACTION_GATES[action].some((gate) => open.has(gate)) &&
      (state.facts === null || refusalOf(action, state.facts, asOf) === null),
  );
}

/**
 * For each allowed action with variants, the variants the machine takes now: a reply by letter
 * is not, say, while the first letter's deadline runs, though a phone call is.
 */
export function allowedOptions(
  state: CaseState,
  actions: readonly CaseworkAction[],
): Partial<Record<CaseworkAction, string[]>> {
  const open = openGates(state);
  const options: Partial<Record<CaseworkAction, string[]>> = {};
  for (const action of actions) {
    const variants = ACTION_VARIANTS[action];
    if (variants) options[action] = Object.keys(variants).filter((v) => open.has(variants[v]));
  }
  return options;
}
