import { initialCaseState } from '@app/case-domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import type { CaseSummaryRow, ParkedStreamRow, TimelineRow } from '../db/schema';
import { parkedRow } from '../parking/parked-streams';
import { EventFailure, finishRun, foldEvent, startRun, step, type CaseRun, type EventHook } from './case-run';
import type { CachedCase, CaseCache } from './case-cache';

/** A batch of events folded into the rows it writes, and the cases as they stand after it. */
export interface FoldedBatch {
  events: RecordedEvent[];
  summaries: CaseSummaryRow[];
  timeline: TimelineRow[];
  parked: ParkedStreamRow[];
  /** Parked cases whose events were skipped. */
  skipped: string[];
  /** What the cache holds once the batch is committed (null: forget the case). */
  cases: Map<string, CachedCase | null>;
}

/**
 * Folds a batch: one run per case, from the case as it stood before its first event here (the
 * cache, or its stream folded again), stopped at an event that fails (its case is parked). One
 * summary per case per batch: the case as it stands after its last good event here.
 */
export async function foldBatch(
  store: EventStore,
  cache: CaseCache,
  projection: string,
  events: RecordedEvent[],
  parked: ReadonlySet<string>,
  hook?: EventHook,
  /** Leave summaries unwritten in the cache (a rebuild writes each when its case leaves the cache). */
  late = false,
): Promise<FoldedBatch> {
  const skipped = new Set<string>();
  const runs = new Map<string, CaseRun>();
  const written = new Map<string, number>();
  for (const e of events) {
    const caseId = e.streamId.slice('case-'.length);
    if (parked.has(caseId)) {
      skipped.add(caseId);
      continue;
    }
    let run = runs.get(caseId);
    if (!run) {
      run = await runFrom(store, cache, caseId, e, hook);
      runs.set(caseId, run);
      // Since when the summary row is behind: the cached case's own mark, or its base (written, or none yet).
      written.set(caseId, cache.peek(caseId)?.unwritten?.since ?? run.baseRevision);
    }
    step(run, e, hook);
  }
  const batch: FoldedBatch = {
    events,
    summaries: [],
    timeline: [],
    parked: [],
    skipped: [...skipped],
    cases: new Map(),
  };
  const now = new Date().toISOString();
  for (const run of runs.values()) {
    if (late && !run.failure) {
      for (const row of run.rows) batch.timeline.push(row);
      const since = run.events.length ? written.get(run.caseId)! : run.baseRevision;
      batch.cases.set(run.caseId, { state: run.state, revision: run.revision, unwritten: { since } });
      continue;
    }
    const summary = finishRun(run);
    if (summary) batch.summaries.push(summary);
    for (const row of run.rows) batch.timeline.push(row);
    if (run.failure) {
      batch.parked.push(parkedRow(projection, run.caseId, run.failure, now));
      batch.cases.set(run.caseId, null);
    } else {
      batch.cases.set(run.caseId, { state: run.state, revision: run.revision });
    }
  }
  return batch;
}

/**
 * A run starting at `e`, from the case as it stood just before it: from the cache, or folded
 * from its stream. A store that fails throws (the projector stops); an earlier event that no
 * longer folds fails the run at that event (the case is parked).
 */
async function runFrom(
  store: EventStore,
  cache: CaseCache,
  caseId: string,
  e: RecordedEvent,
  hook?: EventHook,
): Promise<CaseRun> {
  const revision = Number(e.revision);
  if (revision === 0) return startRun(caseId, initialCaseState, -1);
  const cached = cache.at(caseId, revision - 1);
  if (cached) return startRun(caseId, cached.state, cached.revision);
  const earlier = await store.readStream(e.streamId, { maxCount: revision });
  try {
    const state = earlier.reduce((s, x) => foldEvent(s, x, hook), initialCaseState);
    return startRun(caseId, state, revision - 1);
  } catch (error) {
    if (!(error instanceof EventFailure)) throw error;
    const run = startRun(caseId, initialCaseState, -1);
    run.failure = error;
    return run;
  }
}
