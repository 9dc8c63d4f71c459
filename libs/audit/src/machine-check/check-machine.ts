import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import {
  caseEventOf,
  evolve,
  initialCaseState,
  isTransitionEvent,
  moveKeyOf,
  type CaseState,
  type TransitionEvent,
} from '@app/case-domain';
import type { EventStore, Position } from '@app/event-store';

/**
 * Before a change to the rules is deployed: every stored history replayed through the candidate
 * machine beside the machine in force, listing the cases the candidate would refuse an event of,
 * and those it would leave in another state. The stored cases keep replaying with the machine
 * that wrote them: the candidate decides nothing here, it is only asked.
 */
export interface MachineCheckReport {
  cases: number;
  events: number;
  /** How many cases each machine version (from the events' metadata) wrote to. */
  versions: Record<string, number>;
  noLongerReplay: Array<{ caseId: string; revision: string; type: string; state: string }>;
  endElsewhere: Array<{ caseId: string; now: string; candidate: string }>;
}

interface Replay {
  current: CaseState;
  candidate: AnyMachineSnapshot;
  refused: MachineCheckReport['noLongerReplay'][number] | null;
  versions: Set<string>;
  events: number;
}

const CASE_PREFIX = 'case-';

export async function checkMachine(
  store: EventStore,
  candidate: AnyStateMachine,
  options: { page?: number; onProgress?: (events: number) => void } = {},
): Promise<MachineCheckReport> {
  const step = stepsOf(candidate);
  const [start] = initialTransition(candidate);
  const replays = new Map<string, Replay>();
  const page = options.page ?? 5_000;
  let after: Position | 'start' = 'start';
  let events = 0;
  for (;;) {
    const read = await store.readAll({ after, maxCount: page, filter: { streamPrefixes: [CASE_PREFIX] } });
    for (const e of read) {
      let r = replays.get(e.streamId);
      if (!r)
        replays.set(
          e.streamId,
          (r = { current: initialCaseState, candidate: start, refused: null, versions: new Set(), events: 0 }),
        );
      r.events += 1;
      if (typeof e.metadata.machineVersion === 'string') r.versions.add(e.metadata.machineVersion);
      const event = caseEventOf(e.type, e.data);
      r.current = evolve(r.current, event);
      if (r.refused || !isTransitionEvent(event)) continue;
      const next = step(r.candidate, event);
      if (next) r.candidate = next;
      else
        r.refused = {
          caseId: e.streamId.slice(CASE_PREFIX.length),
          revision: String(e.revision),
          type: e.type,
          state: stateText(r.candidate),
        };
    }
    events += read.length;
    options.onProgress?.(events);
    if (read.length < page) break;
    after = read[read.length - 1].position;
  }
  const report: MachineCheckReport = {
    cases: replays.size,
    events,
    versions: {},
    noLongerReplay: [],
    endElsewhere: [],
  };
  for (const [streamId, r] of replays) {
    for (const v of r.versions) report.versions[v] = (report.versions[v] ?? 0) + 1;
    if (r.refused) {
      report.noLongerReplay.push(r.refused);
      continue;
    }
    const now = stateText(r.current.snapshot);
    const then = stateText(r.candidate);
    if (now !== then) report.endElsewhere.push({ caseId: streamId.slice(CASE_PREFIX.length), now, candidate: then });
  }
  return report;
}

/** A state as one line: `open{collection:running.demand,dispute:none}`-like JSON of its value. */
const stateText = (snapshot: AnyMachineSnapshot) =>
  typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);

/**
 * The candidate's moves, each computed once per state and move key, as evolve does for the machine
 * in force (the machines hold no context): null where the candidate refuses the event.
 */
function stepsOf(machine: AnyStateMachine) {
  const known = new WeakMap<AnyMachineSnapshot, Map<string, AnyMachineSnapshot | null>>();
  return (snapshot: AnyMachineSnapshot, event: TransitionEvent): AnyMachineSnapshot | null => {
    let moves = known.get(snapshot);
    if (!moves) known.set(snapshot, (moves = new Map()));
    const key = moveKeyOf(event);
    let next = moves.get(key);
    if (next === undefined) {
      next = snapshot.can(event) ? transition(machine, snapshot, event)[0] : null;
      moves.set(key, next);
    }
    return next;
  };
}

/** The machine a candidate module exports: `caseMachine`, or its default export. */
export function machineOfModule(mod: Record<string, unknown>): AnyStateMachine {
  const machine = (mod.caseMachine ?? mod.default) as AnyStateMachine | undefined;
  if (!machine || typeof (machine as { transition?: unknown }).transition !== 'function')
    throw new TypeError('The module exports no XState machine as `caseMachine` or as its default export.');
  return machine;
}
