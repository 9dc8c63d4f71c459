import { newEventId, type EventStore } from '@app/event-store';

/**
 * Who read a case in the auditor role, what and when: events on a stream of its own per case
 * (`access-<caseId>`), beside the case's stream and never in it, so reading changes nothing the
 * case's history or chain covers, every instance of the API writes to the one shared store, and
 * the projections (which follow `case-` streams) never see them. Only the reader's subject id, the
 * route and the query go in: never the debtor's data.
 */
export const ACCESS_STREAM_PREFIX = 'access-';
export const CASE_READ = 'CaseReadByAuditor';

export interface CaseRead {
  at: string;
  subject: string;
  role: string;
  /** The route read, with the case id in place (e.g. GET /cases/{id}/history). */
  route: string;
  query: Record<string, string>;
}

export async function recordCaseRead(store: EventStore, caseId: string, read: CaseRead): Promise<void> {
  await store.append(
    `${ACCESS_STREAM_PREFIX}${caseId}`,
    [{ id: newEventId(Date.parse(read.at)), type: CASE_READ, data: read, metadata: { occurredAt: read.at } }],
    { expectedRevision: 'any' },
  );
}

export async function caseReads(store: EventStore, caseId: string): Promise<Array<CaseRead & { revision: string }>> {
  const events = await store.readStream(`${ACCESS_STREAM_PREFIX}${caseId}`);
  return events
    .filter((e) => e.type === CASE_READ)
    .map((e) => ({ revision: String(e.revision), ...(e.data as CaseRead) }));
}
