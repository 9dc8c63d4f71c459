import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const TEXT = 5000;

export class RegisterObjectionDto {
  @ApiPropertyOptional({ type: [String], description: 'Disputed lines; omit for the whole invoice' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  lineIds?: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) debtorStatement!: string;
  @ApiProperty({ enum: ['oral', 'written'] }) @IsIn(['oral', 'written']) channel!: 'oral' | 'written';
}

export class RejectObjectionDto {
  @ApiProperty({ description: 'The written answer sent to the debtor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  writtenAnswer!: string;
}

export class RequestDocumentsDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) request!: string;
}

export class DocumentsReceivedDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) description!: string;
}

export class ReferToCreditorDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) note?: string;
}

export class CreditorReplyDto {
  @ApiProperty({ enum: ['maintain', 'creditDisputedLines'] }) @IsIn(['maintain', 'creditDisputedLines']) reply!:
    'maintain' | 'creditDisputedLines';
  @ApiPropertyOptional({ enum: ['keep', 'waive'], description: 'Required when maintaining: the fee claim decision' })
  @ValidateIf((o: CreditorReplyDto) => o.reply === 'maintain')
  @IsIn(['keep', 'waive'])
  feeDecision?: 'keep' | 'waive';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) comment?: string;
}

export class DebtorContactDto {
  @ApiProperty({ enum: ['phone', 'letter', 'email'] }) @IsIn(['phone', 'letter', 'email']) channel!:
    'phone' | 'letter' | 'email';
  @ApiPropertyOptional({ description: 'Required for phone' })
  @ValidateIf((o: DebtorContactDto) => o.channel === 'phone')
  @IsBoolean()
  reached?: boolean;
  @ApiPropertyOptional({ description: 'Required when reached by phone' })
  @ValidateIf((o: DebtorContactDto) => o.channel === 'phone' && o.reached === true)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  summary?: string;
  @ApiPropertyOptional({ enum: ['accepts', 'maintainsDispute'], description: 'Required when reached by phone' })
  @ValidateIf((o: DebtorContactDto) => o.channel === 'phone' && o.reached === true)
  @IsIn(['accepts', 'maintainsDispute'])
  answer?: 'accepts' | 'maintainsDispute';
}

export class DebtorAnswerDto {
  @ApiProperty({ enum: ['accepts', 'maintainsDispute'] }) @IsIn(['accepts', 'maintainsDispute']) answer!:
    'accepts' | 'maintainsDispute';
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) summary!: string;
}
