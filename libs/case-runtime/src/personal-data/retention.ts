import { dateOf, latestClosureErasableOn } from '@app/case-domain';
import type { RetentionCandidate } from '@app/read-models';
import type { Principal } from '../auth/principal';
import { eraseSubject, type ErasureDeps, type ErasureOutcome } from './erasure';

export interface RetentionRun {
  /** Erase (true) or only list what would be erased (a dry run). */
  apply: boolean;
  retentionYears: number;
  principal: Principal;
  correlationId: string;
  /** Told of each subject as it is listed or erased, so a long run shows its progress. */
  onSubject?: (subject: RetentionCandidate, outcome: ErasureOutcome | null) => void;
}

export interface RetentionReport {
  today: string;
  /** Cases closed on or before this day are past their retention period. */
  closedBy: string;
  subjects: number;
  erased: number;
  refused: number;
  /** Closed cases whose summary lacks the closing date (from before it was kept): rebuild to include them. */
  undated: number;
}

const PAGE = 500;

/**
 * The retention run: every debtor whose cases have all been closed longer than the retention
 * period, erased (with `apply`) or listed. The read models find the candidates; each case's own
 * stream decides (`decideErasure`), so a stale row never erases a case that reopened.
 */
export async function runRetention(deps: ErasureDeps, run: RetentionRun): Promise<RetentionReport> {
  await deps.catchUp();
  const today = dateOf(deps.clock.now());
  const closedBy = latestClosureErasableOn(today, run.retentionYears);
  const report: RetentionReport = {
    today,
    closedBy,
    subjects: 0,
    erased: 0,
    refused: 0,
    undated: await deps.subjects.closedWithoutDate(),
  };
  let after: string | undefined;
  for (;;) {
    const page = await deps.subjects.retentionCandidates(closedBy, { after, limit: PAGE });
    for (const subject of page) {
      report.subjects += 1;
      let outcome: ErasureOutcome | null = null;
      if (run.apply) {
        outcome = await eraseSubject(
          { ...deps, catchUp: async () => undefined },
          {
            subjectId: subject.subjectId,
            basis: 'retention',
            reason: `retention: ${run.retentionYears} years after the accounting year of closure (bokføringsloven § 13)`,
            principal: run.principal,
            correlationId: run.correlationId,
            retentionYears: run.retentionYears,
          },
        );
        if (outcome.kind === 'erased') report.erased += 1;
        else report.refused += 1;
      }
      run.onSubject?.(subject, outcome);
    }
    if (page.length < PAGE) return report;
    after = page[page.length - 1].subjectId;
  }
}
