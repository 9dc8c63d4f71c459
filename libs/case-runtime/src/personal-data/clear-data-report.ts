import { personalPathsOf } from '@app/case-domain';
import type { EventStore, Position } from '@app/event-store';
import { countClearFields } from '@app/privacy';

export interface ClearDataReport {
  events: number;
  /** Personal values stored in clear (written before encryption), by event type and in all. */
  clearValues: number;
  clearByType: Record<string, number>;
  /** Cases with at least one such value. */
  casesWithClearData: number;
}

const PAGE = 2_000;

/**
 * "Personal data in clear": how many personal values in the store were written before
 * encryption existed. They are read as they are (and as erased once their debtor is), but their
 * bytes stay in the store, which an append-only log cannot rewrite.
 */
export async function reportClearData(
  store: EventStore,
  onProgress?: (events: number) => void,
): Promise<ClearDataReport> {
  const report: ClearDataReport = { events: 0, clearValues: 0, clearByType: {}, casesWithClearData: 0 };
  const cases = new Set<string>();
  let after: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE, filter: { streamPrefixes: ['case-'] } });
    for (const e of page) {
      report.events += 1;
      const paths = personalPathsOf(e.type);
      if (paths.length === 0) continue;
      const clear = countClearFields(e.data, paths);
      if (clear === 0) continue;
      report.clearValues += clear;
      report.clearByType[e.type] = (report.clearByType[e.type] ?? 0) + clear;
      cases.add(e.streamId);
    }
    onProgress?.(report.events);
    if (page.length < PAGE) break;
    after = page[page.length - 1].position;
  }
  report.casesWithClearData = cases.size;
  return report;
}
