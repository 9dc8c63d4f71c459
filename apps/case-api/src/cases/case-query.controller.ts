import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { caseViewOf, dateOf } from '@app/case-domain';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import { CaseRepository, CaseStreams, Clock, visibleTo, type Principal } from '@app/case-runtime';
import { etagOf } from '../http/headers';
import { Problems } from '../http/problem';

/** Reads of one case, straight from its stream (the read models come with the projections). */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('caseworker', 'creditor', 'auditor')
@Controller('cases')
export class CaseQueryController {
  constructor(
    private readonly cases: CaseRepository,
    private readonly streams: CaseStreams,
    private readonly clock: Clock,
  ) {}

  @Get(':caseId')
  @ApiOperation({ summary: 'The case: state, flags, amounts (interest as of today), open deadline, allowed actions' })
  async get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { state, revision } = await this.cases.load(caseId);
    if (!state.facts || !visibleTo(state, p)) throw Problems.notFound();
    res.setHeader('ETag', etagOf(revision));
    return { case: caseViewOf(state, dateOf(this.clock.now())), revision: String(revision) };
  }

  @Get(':caseId/history')
  @ApiOperation({ summary: 'Every event of the case in order, with who recorded it and when' })
  async history(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentPrincipal() p: Principal) {
    const stored = await this.streams.read(caseId);
    const first = stored[0]?.event;
    if (!first || first.type !== 'ClaimHandedOver') throw Problems.notFound();
    if (p.role === 'creditor' && first.data.creditorId !== p.creditorId) throw Problems.notFound();
    return stored.map((s) => ({
      revision: String(s.revision),
      type: s.event.type,
      data: s.event.data,
      actor: s.metadata.actor,
      recordedAt: s.recordedAt,
      correlationId: s.metadata.correlationId,
    }));
  }
}
