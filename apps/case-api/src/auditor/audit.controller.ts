import { Controller, Get, Inject, Param, ParseUUIDPipe, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseReads, verifyCaseEvents } from '@app/audit';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE, streamOf } from '@app/case-runtime';
import { Roles } from '../auth/auth.guard';
import { Problems } from '../http/problem';
import { AuditorReadsInterceptor } from './auditor-reads.interceptor';

/** What an auditor checks of one case, and who has looked at it. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':caseId/verification')
  @Roles('auditor', 'caseworker')
  @UseInterceptors(AuditorReadsInterceptor)
  @ApiOperation({
    summary:
      'Replays the stored case: broken chain links, revision gaps or reorders, moves the machine does not allow, ' +
      'fees or interest that do not recompute, timers fired twice or not at their time',
  })
  async verification(@Param('caseId', ParseUUIDPipe) caseId: string) {
    const stored = await this.store.readStream(streamOf(caseId));
    if (stored.length === 0) throw Problems.notFound();
    const report = verifyCaseEvents(caseId, stored);
    return { ...report, sound: report.findings.length === 0 };
  }

  @Get(':caseId/access-log')
  @Roles('caseworker', 'auditor')
  @ApiOperation({ summary: 'Who read the case in the auditor role, which route, and when (oldest first)' })
  async accessLog(@Param('caseId', ParseUUIDPipe) caseId: string) {
    const [first] = await this.store.readStream(streamOf(caseId), { maxCount: 1 });
    if (!first) throw Problems.notFound();
    const reads = await caseReads(this.store, caseId);
    return { items: reads, auditorHasRead: reads.length > 0 };
  }
}
