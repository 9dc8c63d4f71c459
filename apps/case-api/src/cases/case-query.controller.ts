import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseViewOf, dateOf } from '@app/case-domain';
import type { EventStore } from '@app/event-store';
import {
  CaseRepository,
  Clock,
  EVENT_STORE,
  PersonalDataVault,
  streamOf,
  subjectIn,
  visibleTo,
  type Principal,
} from '@app/case-runtime';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import { etagOf, type ReplyHead } from '../http/headers';
import { Problems } from '../http/problem';
import { encodeRevisionCursor, pageStart, REVISION_PAGE, RevisionPageQuery } from '../read/revision-page';

/** Reads of one case, straight from its stream (the read models come with the projections). */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('caseworker', 'creditor', 'auditor')
@Controller('cases')
export class CaseQueryController {
  constructor(
    private readonly cases: CaseRepository,
    // The store itself, not CaseStreams: a page of history reads only its slice of the stream.
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
  ) {}

  @Get(':caseId')
  @ApiOperation({ summary: 'The case: state, flags, amounts (interest as of today), open deadline, allowed actions' })
  async get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: ReplyHead,
  ) {
    const { state, revision } = await this.cases.load(caseId);
    if (!state.facts || !visibleTo(state, p)) throw Problems.notFound();
    res.header('ETag', etagOf(revision));
    return { case: caseViewOf(state, dateOf(this.clock.now())), revision: String(revision) };
  }

  @Get(':caseId/history')
  @ApiOperation({
    summary: 'The events of the case in order, with who recorded them and when; paged by cursor (100, at most 500)',
  })
  async history(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() q: RevisionPageQuery,
    @CurrentPrincipal() p: Principal,
  ) {
    const from = pageStart(q.cursor, caseId);
    const limit = q.limit ?? REVISION_PAGE.default;
    const stream = streamOf(caseId);
    // Who may see the case is decided by its first event, whichever page is asked for.
    const [first] = await this.store.readStream(stream, { fromRevision: 0n, maxCount: 1 });
    if (!first || first.type !== 'ClaimHandedOver') throw Problems.notFound();
    if (p.role === 'creditor' && (first.data as { creditorId?: string }).creditorId !== p.creditorId)
      throw Problems.notFound();
    // One event more than the page tells whether another page follows.
    const read = await this.store.readStream(stream, { fromRevision: BigInt(from), maxCount: limit + 1 });
    // Personal values are opened with the debtor's key, or read as erased: also when this page
    // lies before the erasure, which a closed case records last, and another process did it.
    const [latest] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const erased = latest?.type === 'PersonalDataErased';
    const items = await this.vault.open(subjectIn(first), read.slice(0, limit), { erased });
    const last = items[items.length - 1];
    return {
      items: items.map((e) => ({
        revision: String(e.revision),
        type: e.type,
        data: e.data,
        actor: e.metadata.actor,
        recordedAt: e.created,
        correlationId: e.metadata.correlationId,
      })),
      nextCursor: read.length > limit && last ? encodeRevisionCursor(caseId, Number(last.revision) + 1) : null,
    };
  }
}
