import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CASE_STATUSES } from '@app/case-domain';
import { CaseQueries, QUEUES, type QueueName } from '@app/read-models';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import { Clock, EVENT_STORE, PersonalDataVault, streamOf, type Principal } from '@app/case-runtime';
import type { EventStore } from '@app/event-store';
import { AuditorReadsInterceptor } from '../auditor/auditor-reads.interceptor';
import { asOfFrom, lastRevisionWithin, RevisionPageAsOfQuery } from '../auditor/as-of.query';
import { Problems } from '../http/problem';
import { cursorProblem, encodeRevisionCursor, LIST_PAGE, PageQueryOf, pageStart, REVISION_PAGE } from './revision-page';
import { summaryView, todayOf } from './summary-view';

class PageQuery extends PageQueryOf(LIST_PAGE) {}

class QueueQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'deadlinesDue: days ahead (default 7); limitationAtRisk: days ahead (default 180)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  days?: number;
}

class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES as unknown as string[])
  status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) creditorId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => String) @IsIn(['true', 'false']) disputeCode?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['lastChanged', 'dueAt', 'outstanding', 'overdueFirst'] })
  @IsOptional()
  @IsIn(['lastChanged', 'dueAt', 'outstanding', 'overdueFirst'])
  sort?: 'lastChanged' | 'dueAt' | 'outstanding' | 'overdueFirst';
}

export class QueueCountsDto {
  @ApiProperty() counts!: Record<string, number>;
}

/** The read side: work queues, case lists, the creditor's portfolio and the timeline. */
@ApiTags('read models')
@ApiBearerAuth()
@Controller()
export class ReadQueryController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('queues')
  @Roles('caseworker', 'auditor')
  @ApiOperation({ summary: 'How many cases wait in each caseworker queue' })
  async counts() {
    const counts = await this.queries.queueCounts(this.clock.now());
    return {
      queues: Object.entries(QUEUES).map(([name, q]) => ({ name, label: q.label, count: counts[name as QueueName] })),
    };
  }

  @Get('queues/:name')
  @Roles('caseworker', 'auditor')
  @ApiOperation({ summary: 'A caseworker queue, paged by cursor' })
  async queue(@Param('name') name: string, @Query() q: QueueQuery) {
    if (!(name in QUEUES)) throw Problems.notFound(`No queue ${name}; there are ${Object.keys(QUEUES).join(', ')}.`);
    const page = await this.pageOf(() =>
      this.queries.queue(name as QueueName, { now: this.clock.now(), days: q.days, limit: q.limit, cursor: q.cursor }),
    );
    return { queue: name, ...page };
  }

  @Get('cases')
  @Roles('caseworker', 'auditor', 'creditor')
  @ApiOperation({
    summary: 'Cases by status, creditor and dispute code; sorted; paged by cursor (a creditor sees its own)',
  })
  list(@Query() q: CaseListQuery, @CurrentPrincipal() p: Principal) {
    const creditorId = p.role === 'creditor' ? p.creditorId : q.creditorId;
    return this.pageOf(() =>
      this.queries.list({
        statuses: q.status ? [q.status] : undefined,
        creditorId,
        disputeCode: q.disputeCode === undefined ? undefined : q.disputeCode === 'true',
        sort: q.sort,
        limit: q.limit,
        cursor: q.cursor,
      }),
    );
  }

  @Get('portfolio')
  @Roles('creditor')
  @ApiOperation({
    summary:
      "The creditor's portfolio: cases by state, totals, and the first 50 objections awaiting its reply " +
      '(awaitingReplyNextCursor leads on to /portfolio/awaiting-reply)',
  })
  async portfolio(@CurrentPrincipal() p: Principal) {
    const portfolio = await this.queries.portfolio(p.creditorId!);
    return { ...portfolio, awaitingReply: await this.revealNames(portfolio.awaitingReply) };
  }

  @Get('portfolio/awaiting-reply')
  @Roles('creditor')
  @ApiOperation({ summary: 'The objections awaiting the creditor’s reply, earliest deadline first; paged by cursor' })
  async awaitingReply(@Query() q: PageQuery, @CurrentPrincipal() p: Principal) {
    try {
      const page = await this.queries.awaitingReplyPage(p.creditorId!, { limit: q.limit, cursor: q.cursor });
      return { ...page, items: await this.revealNames(page.items) };
    } catch (error) {
      throw cursorProblem(error);
    }
  }

  @Get('cases/:caseId/timeline')
  @UseInterceptors(AuditorReadsInterceptor)
  @Roles('caseworker', 'auditor', 'creditor')
  @ApiOperation({
    summary: 'The events of the case in order, each as a readable sentence; paged by cursor (100, at most 500)',
  })
  async timeline(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() q: RevisionPageAsOfQuery,
    @CurrentPrincipal() p: Principal,
  ) {
    const fromRevision = pageStart(q.cursor, caseId);
    const bound = asOfFrom(q.asOf);
    const summary = await this.queries.summary(caseId);
    if (!summary || (p.role === 'creditor' && summary.creditor_id !== p.creditorId)) throw Problems.notFound();
    const full = await this.queries.timelinePage(caseId, { fromRevision, limit: q.limit ?? REVISION_PAGE.default });
    // With asOf, the page stops at the last event recorded by then, and no page follows it.
    const until = bound ? await lastRevisionWithin(this.store, streamOf(caseId), bound) : null;
    const page =
      until === null
        ? full
        : {
            items: full.items.filter((t) => Number(t.revision) <= until),
            nextRevision: full.nextRevision !== null && full.nextRevision <= until ? full.nextRevision : null,
          };
    const reveal = await this.vault.revealerFor(
      page.items.map((t) => t.sentence),
      summary.personal_data_erased_at ? [summary.debtor_id] : [],
    );
    return {
      items: page.items.map((t) => ({
        revision: String(t.revision),
        type: t.type,
        at: t.at,
        actor: JSON.parse(t.actor),
        sentence: reveal(t.sentence),
      })),
      nextCursor: page.nextRevision === null ? null : encodeRevisionCursor(caseId, page.nextRevision),
    };
  }

  /** The debtors' names, revealed from the tokens the read model keeps (erased ones read as erased). */
  private async revealNames<T extends { debtorName: string }>(items: T[]): Promise<T[]> {
    const reveal = await this.vault.revealerFor(items.map((i) => i.debtorName));
    return items.map((i) => ({ ...i, debtorName: reveal(i.debtorName) }));
  }

  private async pageOf(run: () => ReturnType<CaseQueries['list']>) {
    const today = todayOf(this.clock.now());
    try {
      const page = await run();
      const erased = page.items.filter((row) => row.personal_data_erased_at).map((row) => row.debtor_id);
      const reveal = await this.vault.revealerFor(
        page.items.map((row) => row.debtor_name),
        erased,
      );
      return {
        items: page.items.map((row) => summaryView({ ...row, debtor_name: reveal(row.debtor_name) }, today)),
        nextCursor: page.nextCursor,
      };
    } catch (error) {
      throw cursorProblem(error);
    }
  }
}
