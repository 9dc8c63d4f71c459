import { caseEventOf, evolve, initialCaseState, toMermaid, type CaseState } from '@app/case-domain';
import type { RecordedEvent } from '@app/event-store';
import { timeOfRecorded } from '../as-of/as-of';

/** One step of a case's path: the event, who recorded it and when, and the states the case was in after it. */
export interface PathStep {
  revision: string;
  type: string;
  actor: unknown;
  at: string;
  /** The active leaf states after the event, named as the lifecycle diagram names them. */
  states: string[];
}

/**
 * A state's name in the diagram (`toMermaid` draws `case.open.collection.notice` as
 * `open_collection_notice`): the same rule, applied to the snapshot's value.
 */
function leavesOf(value: unknown, prefix: string[] = []): string[] {
  if (typeof value === 'string') return [[...prefix, value].join('_')];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leavesOf(child, [...prefix, key]));
}

export const statesOf = (state: CaseState) => leavesOf(state.snapshot.value);

/** The case's path through the machine, replayed from its events as stored (no keys needed). */
export function pathOf(stored: readonly RecordedEvent[]): PathStep[] {
  let state = initialCaseState;
  return stored.map((e) => {
    state = evolve(state, caseEventOf(e.type, e.data));
    return {
      revision: String(e.revision),
      type: e.type,
      actor: e.metadata.actor ?? null,
      at: timeOfRecorded(e),
      states: statesOf(state),
    };
  });
}

/**
 * The lifecycle diagram with the states the case went through marked `visited` and those it is in
 * now `current` (Mermaid class definitions: the page styles them, a test finds them by class).
 */
export function diagramWithPath(path: readonly PathStep[]): string {
  // Every case starts where the machine does, before its first event.
  const visited = new Set([...statesOf(initialCaseState), ...path.flatMap((s) => s.states)]);
  const current = new Set(path[path.length - 1]?.states ?? []);
  const lines = [
    toMermaid().trimEnd(),
    '  classDef visited fill:#ffe08a,stroke:#b58100,stroke-width:2px',
    '  classDef current fill:#ff9f43,stroke:#8a3b00,stroke-width:3px',
  ];
  const past = [...visited].filter((s) => !current.has(s));
  if (past.length) lines.push(`  class ${past.join(',')} visited`);
  if (current.size) lines.push(`  class ${[...current].join(',')} current`);
  return `${lines.join('\n')}\n`;
}
