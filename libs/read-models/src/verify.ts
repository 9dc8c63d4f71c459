import { initialCaseState } from '@app/case-domain';
import type { EventStore } from '@app/event-store';
import type { ReadStore } from './db/connect';
import type { CaseSummaryRow } from './db/schema';
import { finishRun, startRun, step } from './projection/case-run';

export interface VerificationReport {
  /** Cases whose stream was replayed from its stored bytes. */
  cases: number;
  events: number;
  /** Replayed to the summary the read model holds, column for column. */
  agreeing: number;
  /** The read model has not yet seen the stream's last events (the projector is behind). */
  behind: string[];
  /** Replayed to another summary than the read model holds: the columns that differ. */
  differing: Array<{ caseId: string; columns: string[] }>;
  /** An event that does not fold (the projection has parked such a case). */
  unfoldable: Array<{ caseId: string; revision: number; error: string }>;
}

const PAGE = 500;

/**
 * Replays every case the read models know from the events as stored, without any key (personal
 * values stay sealed; the projection never needs them), and checks that each folds and comes to
 * the summary the read model holds. What erasure does must leave this passing: it destroys keys
 * and appends an event, and changes no stored byte.
 */
export async function verifyStoredCases(
  store: EventStore,
  read: ReadStore,
  onProgress?: (report: VerificationReport) => void,
): Promise<VerificationReport> {
  const report: VerificationReport = { cases: 0, events: 0, agreeing: 0, behind: [], differing: [], unfoldable: [] };
  let after = '';
  for (;;) {
    const rows = await read.db
      .selectFrom('rm_case_summary')
      .selectAll()
      .where('case_id', '>', after)
      .orderBy('case_id')
      .limit(PAGE)
      .execute();
    for (const row of rows) await verifyCase(store, row, report);
    onProgress?.(report);
    if (rows.length < PAGE) return report;
    after = rows[rows.length - 1].case_id;
  }
}

async function verifyCase(store: EventStore, row: CaseSummaryRow, report: VerificationReport): Promise<void> {
  // One event more than the read model has seen tells whether the projector is behind.
  const read = await store.readStream(`case-${row.case_id}`, { maxCount: Number(row.revision) + 2 });
  const events = read.slice(0, Number(row.revision) + 1);
  if (read.length > events.length) report.behind.push(row.case_id);
  report.cases += 1;
  report.events += events.length;
  const run = startRun(row.case_id, initialCaseState, -1);
  for (const e of events) if (!step(run, e)) break;
  const replayed = finishRun(run);
  if (run.failure) {
    const { event, message } = run.failure;
    report.unfoldable.push({ caseId: row.case_id, revision: Number(event.revision), error: message });
    return;
  }
  if (!replayed || Number(replayed.revision) !== Number(row.revision)) {
    report.differing.push({ caseId: row.case_id, columns: ['revision'] });
    return;
  }
  const columns = (Object.keys(replayed) as Array<keyof CaseSummaryRow>).filter(
    (column) => String(replayed[column]) !== String(row[column]),
  );
  if (columns.length === 0) report.agreeing += 1;
  else report.differing.push({ caseId: row.case_id, columns });
}
