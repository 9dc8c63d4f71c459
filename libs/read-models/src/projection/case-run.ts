import { evolve, type CaseEvent, type CaseState } from '@app/case-domain';
import { serializePosition, type RecordedEvent } from '@app/event-store';
import type { CaseSummaryRow, TimelineRow } from '../db/schema';
import { summaryRow } from './case-summary';
import { projectedEvent } from './personal-values';
import { sentenceOf } from './timeline';

/** Test hook: called before each event is folded; a throw is that event failing. */
export type EventHook = (event: RecordedEvent, state: CaseState) => void;

/** An event the projection cannot fold; what parks its stream. */
export class EventFailure extends Error {
  constructor(
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** Folds one event; any throw (the hook, `evolve`) becomes an `EventFailure` naming the event. */
export function foldEvent(state: CaseState, e: RecordedEvent, hook?: EventHook): CaseState {
  return foldProjected(state, e, hook).state;
}

/** Folds one event as the projections see it, and gives that event too (for its sentence). */
function foldProjected(state: CaseState, e: RecordedEvent, hook?: EventHook): { state: CaseState; event: CaseEvent } {
  try {
    hook?.(e, state);
    const event = projectedEvent(e, state);
    return { state: evolve(state, event), event };
  } catch (error) {
    throw new EventFailure(e, error);
  }
}

/**
 * One case's events in a batch (or a whole stream, on a retry), folded in order and stopped at
 * the first that fails: the rows of the events before it are kept, it and what follows are not.
 */
export interface CaseRun {
  caseId: string;
  /** The case just before the run's first event, and that event's revision - 1. */
  readonly base: CaseState;
  readonly baseRevision: number;
  state: CaseState;
  revision: number;
  events: RecordedEvent[];
  rows: TimelineRow[];
  failure?: EventFailure;
}

export function startRun(caseId: string, base: CaseState, baseRevision: number): CaseRun {
  return { caseId, base, baseRevision, state: base, revision: baseRevision, events: [], rows: [] };
}

/** Adds an event to the run; false (and the run failed) when it cannot be folded or told. */
export function step(run: CaseRun, e: RecordedEvent, hook?: EventHook): boolean {
  if (run.failure) return false;
  try {
    const { state, event } = foldProjected(run.state, e, hook);
    const row: TimelineRow = {
      case_id: run.caseId,
      revision: Number(e.revision),
      position: serializePosition(e.position),
      type: e.type,
      actor: JSON.stringify(e.metadata.actor ?? null),
      at: (e.data as { at: string }).at,
      sentence: sentenceOf(event),
    };
    run.state = state;
    run.revision = Number(e.revision);
    run.events.push(e);
    run.rows.push(row);
    return true;
  } catch (error) {
    run.failure = error instanceof EventFailure ? error : new EventFailure(e, error);
    return false;
  }
}

/**
 * The run's summary row (null when no event of the run stands or the case has no facts). One
 * summary per run keeps batches cheap; only when it throws is the run replayed event by event
 * to find the first event whose state cannot be summarised, which then fails the run there.
 */
export function finishRun(run: CaseRun): CaseSummaryRow | null {
  if (run.events.length === 0) return null;
  try {
    return run.state.facts ? summaryRow(run.state, run.revision) : null;
  } catch {
    let state = run.base;
    let summary: CaseSummaryRow | null = null;
    for (let i = 0; i < run.events.length; i++) {
      const e = run.events[i];
      const next = evolve(state, projectedEvent(e, state));
      try {
        const row = next.facts ? summaryRow(next, Number(e.revision)) : null;
        state = next;
        summary = row;
      } catch (error) {
        run.failure = new EventFailure(e, error);
        run.events = run.events.slice(0, i);
        run.rows = run.rows.slice(0, i);
        run.state = state;
        run.revision = i === 0 ? run.baseRevision : Number(run.events[i - 1].revision);
        return summary;
      }
    }
    return summary;
  }
}
