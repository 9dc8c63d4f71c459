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
import {
  CREDITOR_REPLY_EVENTS,
  DEBTOR_ANSWER_EVENTS,
  DEBTOR_CONTACT_EVENTS,
  DOCUMENT_PARTIES,
  OBJECTION_CHANNELS,
  variantsOf,
  type CommandRequestOf,
  type ContactChannel,
  type CreditorReplyKind,
  type DebtorAnswer,
  type DocumentParty,
  type ObjectionChannel,
} from '@app/case-domain';

const TEXT = 5000;
const ANSWERS = variantsOf(DEBTOR_ANSWER_EVENTS);
const REPLIES = variantsOf(CREDITOR_REPLY_EVENTS);
const WRITTEN = variantsOf(DEBTOR_CONTACT_EVENTS).filter((v): v is ContactChannel => !v.startsWith('phone'));
const CHANNELS = ['phone', ...WRITTEN] as const;

/** Each body knows the domain command it asks for; validation has already made it whole. */
export class RegisterObjectionDto {
  @ApiPropertyOptional({ type: [String], description: 'Disputed lines; omit for the whole invoice' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  lineIds?: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) debtorStatement!: string;
  @ApiProperty({ enum: OBJECTION_CHANNELS }) @IsIn(OBJECTION_CHANNELS) channel!: ObjectionChannel;

  toCommand(): CommandRequestOf<'RegisterObjection'> {
    const { lineIds, debtorStatement, channel } = this;
    return { type: 'RegisterObjection', data: { lineIds, debtorStatement, channel } };
  }
}

export class RejectObjectionDto {
  @ApiProperty({ description: 'The written answer sent to the debtor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  writtenAnswer!: string;

  toCommand(): CommandRequestOf<'RejectObjection'> {
    return { type: 'RejectObjection', data: { writtenAnswer: this.writtenAnswer } };
  }
}

export class RequestDocumentsDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) request!: string;
  @ApiPropertyOptional({
    enum: DOCUMENT_PARTIES,
    description: 'Whom to ask: the debtor (Norway), both sides (Denmark, the default there)',
  })
  @IsOptional()
  @IsIn(DOCUMENT_PARTIES)
  from?: DocumentParty;

  toCommand(): CommandRequestOf<'RequestDocuments'> {
    return { type: 'RequestDocuments', data: { request: this.request, ...(this.from && { from: this.from }) } };
  }
}

export class DocumentsReceivedDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) description!: string;
  @ApiPropertyOptional({
    enum: DOCUMENT_PARTIES,
    description: 'Whose documents these are (Denmark; the debtor when omitted)',
  })
  @IsOptional()
  @IsIn(DOCUMENT_PARTIES)
  from?: DocumentParty;

  toCommand(): CommandRequestOf<'RecordDocumentsReceived'> {
    const { description, from } = this;
    return { type: 'RecordDocumentsReceived', data: { description, ...(from && { from }) } };
  }
}

export class ReferToCreditorDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) note?: string;

  toCommand(): CommandRequestOf<'ReferObjectionToCreditor'> {
    return { type: 'ReferObjectionToCreditor', data: { note: this.note } };
  }
}

export class CreditorReplyDto {
  @ApiProperty({ enum: REPLIES }) @IsIn(REPLIES) reply!: CreditorReplyKind;
  @ApiPropertyOptional({ enum: ['keep', 'waive'], description: 'Required when maintaining: the fee claim decision' })
  @ValidateIf((o: CreditorReplyDto) => o.reply === 'maintain')
  @IsIn(['keep', 'waive'])
  feeDecision?: 'keep' | 'waive';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) comment?: string;

  toCommand(): CommandRequestOf<'RecordCreditorReply'> {
    const { comment } = this;
    return this.reply === 'maintain'
      ? { type: 'RecordCreditorReply', data: { reply: 'maintain', feeDecision: this.feeDecision!, comment } }
      : { type: 'RecordCreditorReply', data: { reply: this.reply, comment } };
  }
}

export class DebtorContactDto {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: (typeof CHANNELS)[number];
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
  @ApiPropertyOptional({ enum: ANSWERS, description: 'Required when reached by phone' })
  @ValidateIf((o: DebtorContactDto) => o.channel === 'phone' && o.reached === true)
  @IsIn(ANSWERS)
  answer?: DebtorAnswer;

  toCommand(): CommandRequestOf<'RecordDebtorContact'> {
    if (this.channel !== 'phone') return { type: 'RecordDebtorContact', data: { channel: this.channel } };
    if (!this.reached) return { type: 'RecordDebtorContact', data: { channel: 'phone', reached: false } };
    const data = { channel: 'phone', reached: true, summary: this.summary!, answer: this.answer! } as const;
    return { type: 'RecordDebtorContact', data };
  }
}

export class DebtorAnswerDto {
  @ApiProperty({ enum: ANSWERS }) @IsIn(ANSWERS) answer!: DebtorAnswer;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) summary!: string;

  toCommand(): CommandRequestOf<'RecordDebtorAnswer'> {
    return { type: 'RecordDebtorAnswer', data: { answer: this.answer, summary: this.summary } };
  }
}
