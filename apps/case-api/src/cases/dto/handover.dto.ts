import { JURISDICTIONS, type CommandRequestOf, type Jurisdiction } from '@app/case-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';

export const MAX_MINOR = 1_000_000_000_00;

export class ContactDto {
  @ApiPropertyOptional({ example: '+4791234567' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ example: 'kari@example.no' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) postalAddress?: string;
}

export class DebtorDto {
  @ApiProperty({ example: 'debtor-1' }) @IsString() @IsNotEmpty() @MaxLength(100) id!: string;
  @ApiProperty({ example: 'Kari Nordmann' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ['consumer', 'business'] }) @IsIn(['consumer', 'business']) kind!: 'consumer' | 'business';
  @ApiProperty({ type: ContactDto }) @IsObject() @ValidateNested() @Type(() => ContactDto) contact!: ContactDto;
}

export class OrderLineDto {
  @ApiProperty({ example: 'L1' }) @IsString() @IsNotEmpty() @MaxLength(50) lineId!: string;
  @ApiProperty({ example: 'Installation' }) @IsString() @IsNotEmpty() @MaxLength(300) description!: string;
  @ApiProperty({ description: 'Minor units (øre)', example: 200000 }) @IsInt() @Min(1) @Max(MAX_MINOR) amount!: number;
}

export class InvoiceDto {
  @ApiProperty({ example: '1001' }) @IsString() @IsNotEmpty() @MaxLength(50) number!: string;
  @ApiProperty({ example: '2025-01-15' }) @IsDateString({ strict: true }) issueDate!: string;
  @ApiProperty({ example: '2025-02-01' }) @IsDateString({ strict: true }) dueDate!: string;
  @ApiProperty({ enum: ['NOK', 'DKK'] }) @IsIn(['NOK', 'DKK']) currency!: 'NOK' | 'DKK';
  @ApiProperty({ type: [OrderLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];
}

export class PriorDisputeDto {
  @ApiProperty({ description: "The debtor's words" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  debtorStatement!: string;
}

export class HandOverClaimDto {
  @ApiPropertyOptional({ description: "Required for a caseworker; a creditor's comes from its token" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  creditorId?: string;

  @ApiProperty({ example: 'INV-1001' }) @IsString() @IsNotEmpty() @MaxLength(100) creditorReference!: string;
  @ApiProperty({ type: DebtorDto }) @IsObject() @ValidateNested() @Type(() => DebtorDto) debtor!: DebtorDto;
  @ApiProperty({ type: InvoiceDto }) @IsObject() @ValidateNested() @Type(() => InvoiceDto) invoice!: InvoiceDto;
  @ApiPropertyOptional({ description: 'When the creditor already sent the inkassovarsel' })
  @IsOptional()
  @IsDateString({ strict: true })
  noticeAlreadySentOn?: string;

  @ApiPropertyOptional({ type: PriorDisputeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PriorDisputeDto)
  disputedBeforeHandover?: PriorDisputeDto;

  @ApiPropertyOptional({
    enum: JURISDICTIONS,
    description: 'Picks the rule pack with the currency: NO (NOK, the default) or DK (DKK)',
  })
  @IsOptional()
  @IsIn(JURISDICTIONS)
  jurisdiction?: Jurisdiction;

  @ApiPropertyOptional({
    type: [String],
    description: 'Danish pack: when the creditor sent its reminders (rykkere); at most 3 carry a 100 DKK fee',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsDateString({ strict: true }, { each: true })
  remindersSentOn?: string[];

  /** The handover as the domain takes it: the case id is derived, the creditor is the caller's or named. */
  toCommand(caseId: string, creditorId: string): CommandRequestOf<'HandOverClaim'> {
    const { creditorReference, debtor, invoice, noticeAlreadySentOn, disputedBeforeHandover } = this;
    const { jurisdiction, remindersSentOn } = this;
    return {
      type: 'HandOverClaim',
      data: {
        caseId,
        creditorId,
        creditorReference,
        debtor,
        invoice,
        noticeAlreadySentOn,
        disputedBeforeHandover,
        ...(jurisdiction && { jurisdiction }),
        ...(remindersSentOn && { remindersSentOn }),
      },
    };
  }
}
