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
import { MAX_MINOR } from './handover.dto';

const TEXT = 5000;

export class PaymentDto {
  @ApiProperty({ description: 'Minor units (øre)', example: 50000 }) @IsInt() @Min(1) @Max(MAX_MINOR) amount!: number;
  @ApiProperty({ example: '2025-03-20' }) @IsDateString({ strict: true }) paidOn!: string;
  @ApiProperty({ example: 'KID 1234567' }) @IsString() @IsNotEmpty() @MaxLength(100) reference!: string;
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
}

export class WithdrawDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;
}

export class ConciliationDecisionDto {
  @ApiProperty({ enum: ['agencyFiles', 'creditorFiles', 'close'] })
  @IsIn(['agencyFiles', 'creditorFiles', 'close'])
  choice!: 'agencyFiles' | 'creditorFiles' | 'close';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) comment?: string;
}

export class FilingDto {
  @ApiProperty({ example: 'Oslo forliksråd' }) @IsString() @IsNotEmpty() @MaxLength(200) board!: string;
}

const OUTCOMES = ['settlement', 'judgmentForCreditor', 'defaultJudgment', 'judgmentForDebtor', 'noAgreement'] as const;

export class BoardOutcomeDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: (typeof OUTCOMES)[number];
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
}

const CLOSURE_REASONS = ['uncollectable', 'debtorDeceased', 'debtorBankrupt', 'duplicate', 'other'] as const;

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSURE_REASONS }) @IsIn(CLOSURE_REASONS) reason!: (typeof CLOSURE_REASONS)[number];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) note!: string;
}
