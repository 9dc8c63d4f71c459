import { initialCaseState } from '@app/case-domain';
import { comparePositions, parsePosition, serializePosition, type EventStore } from '@app/event-store';
import type { ReadStore } from '../db/connect';
import { TABLES } from '../db/schema';
import { finishRun, startRun, step, type EventHook } from '../projection/case-run';
import { inBatchTransaction } from '../db/batch-ops';
import { writeSummaries } from '../projection/write-batch';
import { listParked, type ParkedStream } from './parked-streams';

export interface RetryReport {
  /** Projected up to the checkpoint and un-parked. */
  recovered: string[];
  /** Still failing: parked again at the event that failed this time. */
  stillFailing: ParkedStream[];
}

const LIVE = TABLES.live;

/**
 * Retries the live projection's parked streams (or one, `caseId`) after a fix: refolds each
 * whole stream up to the projector's checkpoint and, if every event folds, replaces its summary
 * and timeline rows and un-parks it, in one transaction that holds the checkpoint row, so the
 * projector neither moves past events the refold did not see nor skips a case it un-parked.
 * The projector takes the case's later events from there.
 */
export async function retryParked(
  store: EventStore,
  read: ReadStore,
  options: { caseId?: string; onEvent?: EventHook } = {},
): Promise<RetryReport> {
  const report: RetryReport = { recovered: [], stillFailing: [] };
  for (const parked of await listParked(read, { caseId: options.caseId })) {
    const outcome = await retryOne(store, read, parked, options.onEvent);
    if (outcome === 'recovered') report.recovered.push(parked.caseId);
    else if (outcome) report.stillFailing.push(outcome);
  }
  return report;
}

/** 'recovered', the stream as parked again, or null when it was no longer parked (retried elsewhere). */
async function retryOne(
  store: EventStore,
  read: ReadStore,
  parked: ParkedStream,
  hook?: EventHook,
): Promise<'recovered' | ParkedStream | null> {
  const outcome = await inBatchTransaction(read, async (ops) => {
    const trx = ops.db;
    const checkpoint = await ops.lockCheckpoint(LIVE.checkpoint);
    const row = await trx
      .selectFrom('rm_parked_streams')
      .selectAll()
      .where('projection', '=', LIVE.checkpoint)
      .where('case_id', '=', parked.caseId)
      .executeTakeFirst();
    if (!row || checkpoint === null) return false;
    const upTo = parsePosition(checkpoint);
    const events = (await store.readStream(row.stream_id)).filter((e) => comparePositions(e.position, upTo) <= 0);
    const run = startRun(parked.caseId, initialCaseState, -1);
    for (const e of events) if (!step(run, e, hook)) break;
    const summary = finishRun(run);
    const now = new Date().toISOString();
    if (run.failure) {
      // Parked again where it fails now (a partial fix may move the failure to a later event).
      const again = {
        position: serializePosition(run.failure.event.position),
        revision: Number(run.failure.event.revision),
        event_type: run.failure.event.type,
        error: run.failure.message,
        failed_at: now,
        attempts: Number(row.attempts) + 1,
      };
      await trx
        .updateTable('rm_parked_streams')
        .set(again)
        .where('projection', '=', LIVE.checkpoint)
        .where('case_id', '=', parked.caseId)
        .execute();
      return {
        ...parked,
        position: again.position,
        revision: again.revision,
        eventType: again.event_type,
        error: again.error,
        failedAt: now,
        attempts: again.attempts,
      };
    }
    // The whole stream refolded: its rows become exactly what a clean rebuild would write.
    await ops.deleteTimeline(LIVE.timeline, parked.caseId);
    await ops.insertTimeline(LIVE.timeline, run.rows);
    await writeSummaries(ops, LIVE, summary ? [summary] : [], summary ? [] : [parked.caseId]);
    await trx
      .deleteFrom('rm_parked_streams')
      .where('projection', '=', LIVE.checkpoint)
      .where('case_id', '=', parked.caseId)
      .execute();
    return 'recovered' as const;
  });
  return outcome === false ? null : outcome;
}
