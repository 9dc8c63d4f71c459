import type { AnyStateNode } from 'xstate';
import { caseMachine, isTransitionEvent, evolve, type CaseEvent, type CaseState } from '../src';

function allNodes(node: AnyStateNode = caseMachine.root): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => allNodes(child))];
}

/** Every transition the machine defines, as "<state node id>:<event>" (an `open`-wide one counts once). */
export const MACHINE_TRANSITIONS: string[] = allNodes().flatMap((n) =>
  Object.keys(n.config.on ?? {}).map((type) => `${n.id}:${type}`),
);

/** Every state a track can rest in (history pseudo-states are not places). */
export const MACHINE_STATES: string[] = allNodes()
  .filter((n) => n.type !== 'history' && Object.keys(n.states).length === 0)
  .map((n) => n.id);

/** The leaf states a case is in: one per track while open. */
export function activeLeaves(snapshot: CaseState['snapshot']): string[] {
  return snapshot._nodes.filter((n) => n.type === 'atomic' || n.type === 'final').map((n) => n.id);
}

/** Records which transition definitions each event took (one per track it moved), as XState chose them. */
export class TransitionCoverage {
  readonly transitions = new Set<string>();
  readonly states = new Set<string>();

  record(before: CaseState, events: CaseEvent[]): void {
    let state = before;
    for (const event of events) {
      if (isTransitionEvent(event)) {
        for (const taken of caseMachine.getTransitionData(state.snapshot, event)) {
          this.transitions.add(`${taken.source.id}:${event.type}`);
        }
      }
      state = evolve(state, event);
      for (const leaf of activeLeaves(state.snapshot)) this.states.add(leaf);
    }
  }
}
