import { sql, type SelectQueryBuilder } from 'kysely';
import type { CalendarDate, CaseStatus, Instant } from '@app/case-domain';
import type { ReadStore } from '../db/connect';
import type { CaseSummaryRow, ReadModelTables, TimelineRow } from '../db/schema';
import { decodeCursor, keysetPage } from './cursor';
import { dueBy, limitationBy, queueTotals, statusCounts } from './queue-counts';

/** The caseworkers' queues: a grouping of the machine's states (checked against them by the compiler). */
export const QUEUES = {
  objectionsToAssess: { statuses: ['dispute.assessing'], label: 'Objections to assess' },
  awaitingCreditor: { statuses: ['dispute.awaitingCreditor'], label: 'Awaiting the creditor (overdue first)' },
  awaitingDebtor: {
    statuses: ['dispute.awaitingDebtor', 'dispute.awaitingDebtorReply', 'dispute.awaitingDebtorDocuments'],
    label: 'Awaiting the debtor',
  },
  conciliationDecisions: {
    statuses: ['dispute.conciliationDecision', 'dispute.preCollection'],
    label: 'Conciliation decisions pending',
  },
  atTheBoard: {
    statuses: [
      'dispute.preparingComplaint',
      'dispute.newDemandNeeded',
      'dispute.newDemandRunning',
      'dispute.conciliationBoard',
    ],
    label: 'At the conciliation board',
  },
  deadlinesDue: { statuses: null, label: 'Deadlines due in the next days' },
  limitationAtRisk: { statuses: null, label: 'Limitation at risk' },
} as const satisfies Record<string, { statuses: readonly CaseStatus[] | null; label: string }>;
export type QueueName = keyof typeof QUEUES;

/** The list orders; `limitation` (the date a claim becomes time-barred) is the limitation queue's. */
export type SortKey = 'lastChanged' | 'dueAt' | 'outstanding' | 'overdueFirst' | 'limitation';
const SORT_COLUMN = {
  lastChanged: 'last_changed_at',
  dueAt: 'open_deadline_due_at',
  outstanding: 'outstanding',
  overdueFirst: 'queue_order',
  limitation: 'limitation_date',
} as const;

/** Page sizes: the timeline pages by revision; the portfolio shows this many replies awaited. */
const TIMELINE_PAGE = 100;
const TIMELINE_MAX = 500;
const PORTFOLIO_AWAITING_REPLY = 50;
/** Sorts after every ISO instant. */
const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

export interface AwaitingReply {
  caseId: string;
  creditorReference: string;
  debtorName: string;
  disputed: number;
  replyDueAt: string | null;
  reminders: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface CaseFilter {
  statuses?: readonly string[];
  creditorId?: string;
  disputeCode?: boolean;
  dueBefore?: Instant;
  limitationBefore?: CalendarDate;
  sort?: SortKey;
  limit?: number;
  cursor?: string;
}

/** Reads of the read models: one query layer for SQLite and PostgreSQL. */
type SummaryQuery = SelectQueryBuilder<ReadModelTables, 'rm_case_summary', object>;

export class CaseQueries {
  constructor(private readonly read: ReadStore) {}

  /**
   * One page of cases in the order asked, read from the index of that order (after a status or
   * a creditor when filtered by one). Several statuses are read as one index range each, merged.
   */
  async list(filter: CaseFilter): Promise<Page<CaseSummaryRow>> {
    const sort = SORT_COLUMN[filter.sort ?? 'lastChanged'];
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
    const cursor = decodeCursor(filter.cursor);
    const where = <Q extends SummaryQuery>(q: Q, statuses: readonly string[] | undefined): Q => {
      let w = q as SummaryQuery;
      if (statuses)
        w = statuses.length === 1 ? w.where('status', '=', statuses[0]) : w.where('status', 'in', [...statuses]);
      if (filter.creditorId) w = w.where('creditor_id', '=', filter.creditorId);
      if (filter.disputeCode !== undefined) w = w.where('dispute_code', '=', filter.disputeCode ? 1 : 0);
      if (filter.dueBefore) w = w.where('open_deadline_due_at', '<=', filter.dueBefore).where('status', '!=', 'closed');
      if (filter.limitationBefore)
        w = w.where('limitation_date', '<=', filter.limitationBefore).where('status', '!=', 'closed');
      if (sort === 'open_deadline_due_at') w = w.where('open_deadline_due_at', 'is not', null);
      // A row value, so the page starts where the index is entered, not after a scan of the pages before.
      if (cursor) w = w.where((eb) => eb(eb.refTuple(sort, 'case_id'), '>', eb.tuple(cursor.v as never, cursor.id)));
      return w
        .orderBy(sort)
        .orderBy('case_id')
        .limit(limit + 1) as Q;
    };
    const statuses = filter.statuses;
    if (statuses && statuses.length > 1 && !filter.creditorId) {
      const keys = (status: string) =>
        where(this.read.db.selectFrom('rm_case_summary').select(['case_id', sort]), [status]);
      return this.merged(statuses.map(keys), sort, limit);
    }
    const rows = await where(this.read.db.selectFrom('rm_case_summary').selectAll(), statuses).execute();
    return keysetPage(rows, limit, (row) => row[sort] as string | number);
  }

  /**
   * A page over several statuses: each status's first keys from its own index range (the index
   * alone answers them), merged in order, then only the rows of the page read.
   */
  private async merged(
    parts: Array<SelectQueryBuilder<ReadModelTables, 'rm_case_summary', { case_id: string } & Partial<CaseSummaryRow>>>,
    sort: (typeof SORT_COLUMN)[SortKey],
    limit: number,
  ): Promise<Page<CaseSummaryRow>> {
    const db = this.read.db;
    const part = (i: number) => db.selectFrom(parts[i].as(`p${i}`)).selectAll();
    const keys = await parts
      .slice(1)
      .reduce((union, _, i) => union.unionAll(part(i + 1)), part(0))
      .orderBy(sort)
      .orderBy('case_id')
      .limit(limit + 1)
      .execute();
    if (!keys.length) return { items: [], nextCursor: null };
    const rows = await db
      .selectFrom('rm_case_summary')
      .selectAll()
      .where(
        'case_id',
        'in',
        keys.map((k) => k.case_id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.case_id, r]));
    // A row that changed in between keeps its place (and the cursor its key) from the merged keys.
    const page = keys.filter((k) => byId.has(k.case_id));
    const keyOf = new Map(page.map((k) => [k.case_id, k[sort] as string | number]));
    return keysetPage(
      page.map((k) => byId.get(k.case_id)!),
      limit,
      (row) => keyOf.get(row.case_id)!,
    );
  }

  /** A caseworker queue. The creditor queue puts the most-reminded (longest overdue) first. */
  queue(
    name: QueueName,
    options: { now: Instant; days?: number; limit?: number; cursor?: string; creditorId?: string },
  ): Promise<Page<CaseSummaryRow>> {
    const base = { limit: options.limit, cursor: options.cursor, creditorId: options.creditorId };
    if (name === 'deadlinesDue') {
      return this.list({
        ...base,
        dueBefore: dueBy(options.now, options.days ?? 7),
        sort: 'dueAt',
      });
    }
    if (name === 'limitationAtRisk') {
      return this.list({
        ...base,
        limitationBefore: limitationBy(options.now, options.days ?? 180),
        // The soonest time-barred first, read from the limitation index (ordered by the open
        // deadline, a page meant sorting every case at risk).
        sort: 'limitation',
      });
    }
    return this.list({
      ...base,
      statuses: QUEUES[name].statuses!,
      sort: name === 'awaitingCreditor' ? 'overdueFirst' : name === 'awaitingDebtor' ? 'dueAt' : 'lastChanged',
    });
  }

  /** How many cases wait in each queue: from the counts the projection keeps, never a scan of the cases. */
  async queueCounts(now: Instant, days = 7): Promise<Record<QueueName, number>> {
    const totals = await queueTotals(this.read, dueBy(now, days), limitationBy(now, 180));
    const count = (statuses: readonly string[]) =>
      statuses.reduce((s, status) => s + (totals.byStatus.get(status) ?? 0), 0);
    return {
      objectionsToAssess: count(QUEUES.objectionsToAssess.statuses),
      awaitingCreditor: count(QUEUES.awaitingCreditor.statuses),
      awaitingDebtor: count(QUEUES.awaitingDebtor.statuses),
      conciliationDecisions: count(QUEUES.conciliationDecisions.statuses),
      atTheBoard: count(QUEUES.atTheBoard.statuses),
      deadlinesDue: totals.due,
      limitationAtRisk: totals.limitation,
    };
  }

  /**
   * A creditor's portfolio: cases by state and totals (bounded by the number of states), and the
   * first page of the objections waiting for its reply (`awaitingReplyPage` for the rest).
   */
  async portfolio(creditorId: string) {
    const byStatus = await statusCounts(this.read, creditorId);
    const awaitingReply = await this.awaitingReplyPage(creditorId, { limit: PORTFOLIO_AWAITING_REPLY });
    const totals = byStatus.reduce(
      (t, r) => ({
        cases: t.cases + r.cases,
        outstanding: t.outstanding + r.outstanding,
        disputed: t.disputed + r.disputed,
        collectable: t.collectable + r.collectable,
      }),
      { cases: 0, outstanding: 0, disputed: 0, collectable: 0 },
    );
    return {
      byStatus: byStatus.map((r) => ({ status: r.status, cases: r.cases, outstanding: r.outstanding })),
      awaitingReply: awaitingReply.items,
      awaitingReplyNextCursor: awaitingReply.nextCursor,
      totals,
    };
  }

  /** The creditor's cases awaiting its reply, the earliest reply deadline first, paged by cursor. */
  async awaitingReplyPage(
    creditorId: string,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<Page<AwaitingReply>> {
    const limit = Math.min(Math.max(page.limit ?? PORTFOLIO_AWAITING_REPLY, 1), 200);
    const cursor = decodeCursor(page.cursor);
    // A case without an open deadline sorts last on both dialects (SQLite puts NULL first,
    // PostgreSQL last), and the keyset compares a value that is never NULL. A literal, not a
    // parameter, so that an index on this expression can serve the order.
    const dueKey = sql<string>`coalesce(open_deadline_due_at, ${sql.lit(NO_DEADLINE)})`;
    let q = this.read.db
      .selectFrom('rm_case_summary')
      .where('creditor_id', '=', creditorId)
      .where('status', '=', 'dispute.awaitingCreditor')
      .select([
        'case_id',
        'creditor_reference',
        'debtor_name',
        'disputed',
        'open_deadline_due_at',
        'creditor_reminders',
      ])
      .select(dueKey.as('due_key'));
    if (cursor) {
      const v = String(cursor.v);
      q = q.where((eb) => eb(eb.tuple(dueKey, eb.ref('case_id')), '>', eb.tuple(v, cursor.id)));
    }
    const rows = await q
      .orderBy(dueKey)
      .orderBy('case_id')
      .limit(limit + 1)
      .execute();
    const shown = keysetPage(rows, limit, (row) => row.due_key);
    return {
      items: shown.items.map((r) => ({
        caseId: r.case_id,
        creditorReference: r.creditor_reference,
        debtorName: r.debtor_name,
        disputed: r.disputed,
        replyDueAt: r.open_deadline_due_at,
        reminders: r.creditor_reminders,
      })),
      nextCursor: shown.nextCursor,
    };
  }

  async summary(caseId: string): Promise<CaseSummaryRow | undefined> {
    return this.read.db.selectFrom('rm_case_summary').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  }

  /**
   * One page of a case's timeline in revision order, from `fromRevision` on; `nextRevision` is
   * where the next page starts, or null after the last event. Served by the (case_id, revision) key.
   */
  async timelinePage(
    caseId: string,
    page: { fromRevision?: number; limit?: number } = {},
  ): Promise<{ items: TimelineRow[]; nextRevision: number | null }> {
    const limit = Math.min(Math.max(page.limit ?? TIMELINE_PAGE, 1), TIMELINE_MAX);
    const rows = await this.read.db
      .selectFrom('rm_timeline')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('revision', '>=', page.fromRevision ?? 0)
      .orderBy('revision')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit);
    return { items, nextRevision: rows.length > limit ? Number(items[items.length - 1].revision) + 1 : null };
  }

  /** The first page of a case's timeline (never the whole of a long case). */
  async timeline(caseId: string): Promise<TimelineRow[]> {
    return (await this.timelinePage(caseId)).items;
  }
}
