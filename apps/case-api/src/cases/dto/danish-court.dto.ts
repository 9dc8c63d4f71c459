import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  COURT_CLAIM_ROUTES,
  COURT_OUTCOME_EVENTS,
  variantsOf,
  type CommandRequestOf,
  type CourtClaimRoute,
  type CourtOutcome,
} from '@app/case-domain';

const TEXT = 5000;
const OUTCOMES = variantsOf(COURT_OUTCOME_EVENTS);

/** Danish pack: a betalingspåkrav for an undisputed claim of at most 100 000 DKK. */
export class PaymentOrderDto {
  @ApiProperty({ example: 'Fogedretten i København' }) @IsString() @IsNotEmpty() @MaxLength(200) court!: string;
  @ApiPropertyOptional({
    description: 'Continue as a civil case if the debtor objects (forced on when limitation is near)',
  })
  @IsOptional()
  @IsBoolean()
  continueAsCivilCase?: boolean;

  toCommand(): CommandRequestOf<'FilePaymentOrder'> {
    const { court, continueAsCivilCase } = this;
    return {
      type: 'FilePaymentOrder',
      data: { court, ...(continueAsCivilCase !== undefined && { continueAsCivilCase }) },
    };
  }
}

/** Danish pack: a disputed claim to court, as a small claim (≤ 50 000 DKK) or an ordinary civil case. */
export class CourtClaimDto {
  @ApiProperty({ enum: COURT_CLAIM_ROUTES }) @IsIn(COURT_CLAIM_ROUTES) route!: CourtClaimRoute;
  @ApiProperty({ example: 'Københavns Byret' }) @IsString() @IsNotEmpty() @MaxLength(200) court!: string;

  toCommand(): CommandRequestOf<'FileCourtClaim'> {
    return { type: 'FileCourtClaim', data: { route: this.route, court: this.court } };
  }
}

export class CourtOutcomeDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: CourtOutcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) summary?: string;

  toCommand(): CommandRequestOf<'RecordCourtOutcome'> {
    return { type: 'RecordCourtOutcome', data: { outcome: this.outcome, summary: this.summary } };
  }
}
