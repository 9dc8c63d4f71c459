import { PERSONAL_FIELDS, retentionEndsOn, type CaseEventType } from '@app/case-domain';
import { visitAt, type SubjectKeys, type SubjectStatus } from '@app/privacy';
import type { SubjectQueries } from '@app/read-models';
import { CaseStreams } from '../commands/case-streams.port';

export interface HeldField {
  caseId: string;
  /** The event that recorded it: its revision in the case, its type and when it happened. */
  revision: string;
  event: string;
  at: string;
  field: string;
  purpose: string;
  /** The value, or `[erased]` once the debtor's data is erased. */
  value: string;
}

export interface SubjectDataExport {
  subjectId: string;
  /** `held`: sealed with the debtor's key; `erased`: the key destroyed; `none`: nothing sealed (only data in clear, if any). */
  personalData: { state: 'held' | 'erased' | 'none'; since?: string; erasedAt?: string; erasureReason?: string };
  cases: Array<{
    caseId: string;
    creditorId: string;
    creditorReference: string;
    status: string;
    closedOn: string | null;
    /** The first day the case's personal data may be erased (retention), once it is closed. */
    retainedUntil: string | null;
    fields: HeldField[];
  }>;
  /** What else is kept about the cases, which is not personal on its own, and why. */
  alsoHeld: Array<{ data: string; purpose: string }>;
}

export interface AccessExportDeps {
  streams: CaseStreams;
  keys: SubjectKeys;
  subjects: SubjectQueries;
  retentionYears: number;
  catchUp: () => Promise<unknown>;
}

const ALSO_HELD = [
  {
    data: 'the claim: creditor, reference, invoice, order lines and amounts, payments, credit notes, fees and interest',
    purpose: 'to collect the claim, and bookkeeping material kept as bokføringsloven § 13 requires',
  },
  {
    data: "the case's states, deadlines and their dates, and who recorded each step",
    purpose: 'to follow the process the law sets (inkassoloven) and to let every step be audited',
  },
];

/**
 * Everything the engine holds about a debtor (GDPR art. 15): each personal value of each of
 * their cases, read from the events with the event that recorded it and why it is kept, and what
 * else is kept about the cases. Values read as erased once the debtor's data is erased.
 */
export async function exportSubjectData(deps: AccessExportDeps, subjectId: string): Promise<SubjectDataExport | null> {
  await deps.catchUp();
  const [found, status] = await Promise.all([deps.subjects.casesOf(subjectId), deps.keys.status(subjectId)]);
  if (found.length === 0 && status.state === 'unknown') return null;
  const cases = [];
  for (const c of found) {
    const stored = await deps.streams.read(c.caseId, { subjectId });
    const fields: HeldField[] = [];
    for (const s of stored) {
      for (const { path, purpose } of PERSONAL_FIELDS[s.event.type as CaseEventType] ?? []) {
        visitAt(s.event.data, path, (value) =>
          fields.push({
            caseId: c.caseId,
            revision: String(s.revision),
            event: s.event.type,
            at: s.event.data.at,
            field: path,
            purpose,
            value: typeof value === 'string' ? value : JSON.stringify(value),
          }),
        );
      }
    }
    cases.push({
      caseId: c.caseId,
      creditorId: c.creditorId,
      creditorReference: c.creditorReference,
      status: c.status,
      closedOn: c.closedOn,
      retainedUntil: c.closedOn ? retentionEndsOn(c.closedOn, deps.retentionYears) : null,
      fields,
    });
  }
  return { subjectId, personalData: personalDataOf(status), cases, alsoHeld: ALSO_HELD };
}

function personalDataOf(status: SubjectStatus): SubjectDataExport['personalData'] {
  if (status.state === 'erased') {
    return { state: 'erased', erasedAt: status.erasedAt, ...(status.reason ? { erasureReason: status.reason } : {}) };
  }
  if (status.state === 'active') return { state: 'held', since: status.createdAt };
  return { state: 'none' };
}
