import { sql } from 'kysely';
import type { CalendarDate } from '@app/case-domain';
import type { ReadStore } from '../db/connect';

/** A debtor's case as the privacy work sees it: where it stands, and when it closed. */
export interface SubjectCase {
  caseId: string;
  creditorId: string;
  creditorReference: string;
  status: string;
  closedOn: CalendarDate | null;
  personalDataErasedAt: string | null;
}

/** A debtor whose every case closed on or before a day, and whose data is not erased in all of them. */
export interface RetentionCandidate {
  subjectId: string;
  cases: number;
  lastClosedOn: CalendarDate;
}

/** More cases than any one debtor has: a bound, so a read never grows without one. */
const MAX_CASES_OF_A_SUBJECT = 10_000;

/** Reads of the case summaries by data subject (the debtor), served by the debtor index. */
export class SubjectQueries {
  constructor(private readonly read: ReadStore) {}

  async casesOf(subjectId: string): Promise<SubjectCase[]> {
    const rows = await this.read.db
      .selectFrom('rm_case_summary')
      .select(['case_id', 'creditor_id', 'creditor_reference', 'status', 'closed_on', 'personal_data_erased_at'])
      .where('debtor_id', '=', subjectId)
      .orderBy('case_id')
      .limit(MAX_CASES_OF_A_SUBJECT)
      .execute();
    return rows.map((r) => ({
      caseId: r.case_id,
      creditorId: r.creditor_id,
      creditorReference: r.creditor_reference,
      status: r.status,
      closedOn: r.closed_on,
      personalDataErasedAt: r.personal_data_erased_at,
    }));
  }

  /**
   * Debtors whose every case is closed, the last on or before `closedBy`, with a case not yet
   * erased; in debtor order from `after`, `limit` at a time.
   */
  async retentionCandidates(
    closedBy: CalendarDate,
    page: { after?: string; limit: number },
  ): Promise<RetentionCandidate[]> {
    const openOrUndated = sql<number>`sum(case when status <> 'closed' or closed_on is null then 1 else 0 end)`;
    const notErased = sql<number>`sum(case when personal_data_erased_at is null then 1 else 0 end)`;
    const rows = await this.read.db
      .selectFrom('rm_case_summary')
      .select('debtor_id')
      .select((eb) => [eb.fn.countAll<number>().as('cases'), eb.fn.max('closed_on').as('last_closed_on')])
      .where('debtor_id', '>', page.after ?? '')
      .groupBy('debtor_id')
      .having(openOrUndated, '=', 0)
      .having(notErased, '>', 0)
      .having((eb) => eb.fn.max('closed_on'), '<=', closedBy)
      .orderBy('debtor_id')
      .limit(page.limit)
      .execute();
    return rows.map((r) => ({
      subjectId: r.debtor_id,
      cases: Number(r.cases),
      lastClosedOn: String(r.last_closed_on),
    }));
  }

  /** Closed cases without their closing date: summaries from before it was kept, until a rebuild. */
  async closedWithoutDate(): Promise<number> {
    const row = await this.read.db
      .selectFrom('rm_case_summary')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'closed')
      .where('closed_on', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
