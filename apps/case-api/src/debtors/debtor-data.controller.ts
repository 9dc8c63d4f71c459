import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PersonalDataService, ReadModelsBehind, type Principal } from '@app/case-runtime';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import { problem, Problems } from '../http/problem';
import { ErasureRequestDto } from './erasure.dto';

const SUBJECT_ID = /^.{1,100}$/s;

/** A debtor's personal data across their cases: what is held (GDPR art. 15) and erasure (art. 17). */
@ApiTags('personal data')
@ApiBearerAuth()
@Roles('caseworker')
@Controller('debtors')
export class DebtorDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get(':debtorId/data')
  @ApiOperation({
    summary: 'Everything held about a debtor across their cases: each personal value, where it was recorded and why',
  })
  async data(@Param('debtorId') debtorId: string) {
    checkSubject(debtorId);
    const held = await behindAs503(() => this.personalData.exportData(debtorId));
    if (!held) throw Problems.notFound(`No data is held about debtor ${debtorId}.`);
    return held;
  }

  @Post(':debtorId/erasure')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Erase a debtor's personal data (crypto-shredding: their key is destroyed, each case records it); " +
      'only when every case of theirs is closed',
  })
  async erase(
    @Param('debtorId') debtorId: string,
    @Body() body: ErasureRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { id: string },
  ) {
    checkSubject(debtorId);
    const outcome = await behindAs503(() =>
      this.personalData.erase({
        subjectId: debtorId,
        basis: 'request',
        reason: body.reason,
        principal,
        correlationId: request.id,
      }),
    );
    if (outcome.kind === 'notFound') throw Problems.notFound(outcome.message);
    if (outcome.kind === 'refused') {
      throw problem(422, 'erasure-refused', 'The personal data cannot be erased now', {
        detail: outcome.message,
        cases: outcome.cases,
      });
    }
    return outcome;
  }
}

function checkSubject(debtorId: string): void {
  if (!SUBJECT_ID.test(debtorId)) {
    throw Problems.invalid('debtorId is invalid.', [{ field: 'debtorId', messages: ['at most 100 characters'] }]);
  }
}

async function behindAs503<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReadModelsBehind) {
      throw problem(503, 'read-models-behind', 'The read models are catching up', { detail: error.message });
    }
    throw error;
  }
}
