import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BOARD_OUTCOME_EVENTS,
  CONCILIATION_CHOICE_EVENTS,
  MANUAL_CLOSURE_REASONS,
  variantsOf,
  type BoardOutcome,
  type CommandRequestOf,
  type ConciliationChoice,
  type ManualClosureReason,
} from '@app/case-domain';
import { MAX_MINOR } from './handover.dto';

const TEXT = 5000;

export class PaymentDto {
  @ApiProperty({ description: 'Minor units (øre)', example: 50000 }) @IsInt() @Min(1) @Max(MAX_MINOR) amount!: number;
  @ApiProperty({ example: '2025-03-20' }) @IsDateString({ strict: true }) paidOn!: string;
  @ApiProperty({ example: 'KID 1234567' }) @IsString() @IsNotEmpty() @MaxLength(100) reference!: string;

  toCommand(): CommandRequestOf<'RegisterPayment'> {
    const { amount, paidOn, reference } = this;
    return { type: 'RegisterPayment', data: { amount, paidOn, reference } };
  }
}

export class CreditLineDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) lineId!: string;
  @ApiProperty({ description: 'Minor units (øre)' }) @IsInt() @Min(1) @Max(MAX_MINOR) amount!: number;
}

export class CreditNoteDto {
  @ApiProperty({ type: [CreditLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CreditLineDto)
  lines!: CreditLineDto[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;

  toCommand(): CommandRequestOf<'IssueCreditNote'> {
    const lines = this.lines.map(({ lineId, amount }) => ({ lineId, amount }));
    return { type: 'IssueCreditNote', data: { lines, reason: this.reason } };
  }
}

export class WithdrawDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;

  toCommand(): CommandRequestOf<'WithdrawClaim'> {
    return { type: 'WithdrawClaim', data: { reason: this.reason } };
  }
}

export class ConciliationDecisionDto {
  @ApiProperty({ enum: variantsOf(CONCILIATION_CHOICE_EVENTS) })
  @IsIn(variantsOf(CONCILIATION_CHOICE_EVENTS))
  choice!: ConciliationChoice;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) comment?: string;

  toCommand(): CommandRequestOf<'DecideOnConciliation'> {
    return { type: 'DecideOnConciliation', data: { choice: this.choice, comment: this.comment } };
  }
}

export class FilingDto {
  @ApiProperty({ example: 'Oslo forliksråd' }) @IsString() @IsNotEmpty() @MaxLength(200) board!: string;

  toCommand(): CommandRequestOf<'FileConciliationComplaint'> {
    return { type: 'FileConciliationComplaint', data: { board: this.board } };
  }
}

/** A new betalingsoppfordring takes nothing but the case: its deadline follows from the day it is sent. */
export class NewPaymentDemandDto {
  toCommand(): CommandRequestOf<'SendNewPaymentDemand'> {
    return { type: 'SendNewPaymentDemand', data: {} };
  }
}

const OUTCOMES = variantsOf(BOARD_OUTCOME_EVENTS);

export class BoardOutcomeDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: BoardOutcome;
  @ApiPropertyOptional({ description: 'Settlement: minor units' })
  @ValidateIf((o: BoardOutcomeDto) => o.outcome === 'settlement')
  @IsInt()
  @Min(1)
  @Max(MAX_MINOR)
  amount?: number;
  @ApiPropertyOptional({ description: 'Settlement: due date' })
  @ValidateIf((o: BoardOutcomeDto) => o.outcome === 'settlement')
  @IsDateString({ strict: true })
  dueDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) summary?: string;

  toCommand(): CommandRequestOf<'RecordBoardOutcome'> {
    const { outcome, summary } = this;
    return outcome === 'settlement'
      ? { type: 'RecordBoardOutcome', data: { outcome, amount: this.amount!, dueDate: this.dueDate! } }
      : { type: 'RecordBoardOutcome', data: { outcome, summary } };
  }
}

export class CloseCaseDto {
  @ApiProperty({ enum: MANUAL_CLOSURE_REASONS }) @IsIn(MANUAL_CLOSURE_REASONS) reason!: ManualClosureReason;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) note!: string;

  toCommand(): CommandRequestOf<'CloseCase'> {
    return { type: 'CloseCase', data: { reason: this.reason, note: this.note } };
  }
}
