import type { AnyStateNode } from 'xstate';
import { caseMachine, isTransitionEvent, evolve, type CaseEvent, type CaseState } from '../src';

function allNodes(node: AnyStateNode = caseMachine.root): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => allNodes(child))];
}

/** Every transition the machine defines, as "<state node id>:<event>" (an `open`-wide one counts once). */
export const MACHINE_TRANSITIONS: string[] = allNodes().flatMap((n) =>
  Object.keys(n.config.on ?? {}).map((type) => `${n.id}:${type}`),
);

/** Every state a case can rest in (history pseudo-states are not places). */
export const MACHINE_STATES: string[] = allNodes()
  .filter((n) => n.type !== 'history' && Object.keys(n.states).length === 0)
  .map((n) => n.id);

function activeIds(state: CaseState): string[] {
  const ids = ['case'];
  let value: unknown = state.snapshot.value;
  while (value !== undefined) {
    const key = typeof value === 'string' ? value : Object.keys(value as object)[0];
    if (!key) break;
    ids.push(`${ids[ids.length - 1]}.${key}`);
    value = typeof value === 'string' ? undefined : (value as Record<string, unknown>)[key];
  }
  return ids.reverse();
}

/** Records which transition definition each event took, the innermost state's first, as XState does. */
export class TransitionCoverage {
  readonly transitions = new Set<string>();
  readonly states = new Set<string>();

  record(before: CaseState, events: CaseEvent[]): void {
    let state = before;
    for (const event of events) {
      if (isTransitionEvent(event)) {
        const source = activeIds(state).find((id) => caseMachine.getStateNodeById(id).config.on?.[event.type]);
        if (source) this.transitions.add(`${source}:${event.type}`);
      }
      state = evolve(state, event);
      this.states.add(activeIds(state)[0]);
    }
  }
}
