import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { dayOfAsOf, timeOfRecorded, withinAsOf } from '@app/audit';
import { caseViewOf, dateOf, fold } from '@app/case-domain';
import type { EventStore } from '@app/event-store';
import {
  CaseRepository,
  CaseStreams,
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
import { encodeRevisionCursor, pageStart, REVISION_PAGE } from '../read/revision-page';
import { AuditorReadsInterceptor } from '../auditor/auditor-reads.interceptor';
import { asOfFrom, AsOfQuery, lastRevisionWithin, RevisionPageAsOfQuery } from '../auditor/as-of.query';

/** Reads of one case, straight from its stream (the read models come with the projections). */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('caseworker', 'creditor', 'auditor')
@UseInterceptors(AuditorReadsInterceptor)
@Controller('cases')
export class CaseQueryController {
  constructor(
    private readonly cases: CaseRepository,
    // The store itself, not CaseStreams: a page of history reads only its slice of the stream.
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
    private readonly streams: CaseStreams,
  ) {}

  @Get(':caseId')
  @ApiOperation({
    summary:
      'The case: state, flags, amounts (interest as of today), open deadline, allowed actions; ' +
      'with asOf, all of these as they stood then',
  })
  async get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() q: AsOfQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: ReplyHead,
  ) {
    const bound = asOfFrom(q.asOf);
    if (bound) return this.asOf(caseId, bound, p);
    const { state, revision } = await this.cases.load(caseId);
    if (!state.facts || !visibleTo(state, p)) throw Problems.notFound();
    res.header('ETag', etagOf(revision));
    return { case: caseViewOf(state, dateOf(this.clock.now())), revision: String(revision) };
  }

  /** The case replayed from its stream up to the bound, shown as of the bound's day. */
  private async asOf(caseId: string, bound: NonNullable<ReturnType<typeof asOfFrom>>, p: Principal) {
    const stored = await this.streams.read(caseId);
    const within = withinAsOf(stored, bound, (e) => ({ revision: e.revision, time: timeOfRecorded(e) }));
    const state = fold(within.map((e) => e.event));
    if (!stored[0] || !visibleTo(fold([stored[0].event]), p)) throw Problems.notFound();
    const last = within[within.length - 1];
    const day = dayOfAsOf(bound, last && { revision: last.revision, time: timeOfRecorded(last) });
    if (!state.facts || !day) throw Problems.notFound('The case had not been handed over by then.');
    return {
      case: caseViewOf(state, day),
      revision: String(last.revision),
      asOf: { day, recordedAt: timeOfRecorded(last), latestRevision: String(stored[stored.length - 1].revision) },
    };
  }

  @Get(':caseId/history')
  @ApiOperation({
    summary: 'The events of the case in order, with who recorded them and when; paged by cursor (100, at most 500)',
  })
  async history(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() q: RevisionPageAsOfQuery,
    @CurrentPrincipal() p: Principal,
  ) {
    const from = pageStart(q.cursor, caseId);
    const bound = asOfFrom(q.asOf);
    const limit = q.limit ?? REVISION_PAGE.default;
    const stream = streamOf(caseId);
    // Who may see the case is decided by its first event, whichever page is asked for.
    const [first] = await this.store.readStream(stream, { fromRevision: 0n, maxCount: 1 });
    if (!first || first.type !== 'ClaimHandedOver') throw Problems.notFound();
    if (p.role === 'creditor' && (first.data as { creditorId?: string }).creditorId !== p.creditorId)
      throw Problems.notFound();
    // One event more than the page tells whether another page follows; with asOf, none past it.
    const until = bound ? await lastRevisionWithin(this.store, stream, bound) : Number.MAX_SAFE_INTEGER;
    const read = (await this.store.readStream(stream, { fromRevision: BigInt(from), maxCount: limit + 1 })).filter(
      (e) => e.revision <= BigInt(until),
    );
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
