import { initialCaseState } from '@app/case-domain';
import type { EventStore } from '@app/event-store';
import type { CaseSummaryRow, ParkedStreamRow } from '../db/schema';
import { parkedRow } from '../parking/parked-streams';
import { EventFailure, foldEvent, type EventHook } from './case-run';
import type { CachedCase } from './case-cache';
import { summaryRow } from './case-summary';

/** What writing late summaries adds to a batch: rows, parked cases, and timeline rows to take back. */
export interface LateWrites {
  summaries: CaseSummaryRow[];
  parked: ParkedStreamRow[];
  /** A parked case's timeline rows from this revision on go (they were written before its summary failed). */
  cuts: Array<{ caseId: string; fromRevision: number }>;
}

/**
 * The summary rows a rebuild left unwritten, for cases leaving its cache (or at its end). When a
 * case cannot be summarised, its events since its last written summary are replayed one by one
 * from its stream, as the projection does within a batch: the case is parked at the first event
 * whose state cannot be summarised, and stands at the event before it.
 */
export async function lateSummaries(
  store: EventStore,
  projection: string,
  cases: Array<[string, CachedCase]>,
  hook?: EventHook,
): Promise<LateWrites> {
  const writes: LateWrites = { summaries: [], parked: [], cuts: [] };
  for (const [caseId, cached] of cases) {
    if (!cached.unwritten) continue;
    try {
      if (cached.state.facts) writes.summaries.push(summaryRow(cached.state, cached.revision));
    } catch {
      await replay(store, projection, caseId, cached, writes, hook);
    }
  }
  return writes;
}

async function replay(
  store: EventStore,
  projection: string,
  caseId: string,
  cached: CachedCase,
  writes: LateWrites,
  hook?: EventHook,
): Promise<void> {
  const since = cached.unwritten!.since;
  const events = await store.readStream(`case-${caseId}`, { maxCount: cached.revision + 1 });
  let state = events.slice(0, since + 1).reduce((s, e) => foldEvent(s, e, hook), initialCaseState);
  let summary: CaseSummaryRow | null = null;
  for (const e of events.slice(since + 1)) {
    const next = foldEvent(state, e, hook);
    try {
      if (next.facts) summary = summaryRow(next, Number(e.revision));
      state = next;
    } catch (error) {
      writes.parked.push(parkedRow(projection, caseId, new EventFailure(e, error), new Date().toISOString()));
      writes.cuts.push({ caseId, fromRevision: Number(e.revision) });
      break;
    }
  }
  if (summary) writes.summaries.push(summary);
}
