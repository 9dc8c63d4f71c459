import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseIdFor } from '@app/case-runtime';
import { Problems } from '../http/problem';
import { CaseCommandService, type CaseResponse } from './case-command.service';
import { CaseId, CommandCtx, CommandRoute, Gives, type CommandContext } from './command-context';
import { HandOverClaimDto } from './dto/handover.dto';
import { CourtClaimDto, CourtOutcomeDto, PaymentOrderDto } from './dto/danish-court.dto';
import {
  CreditorReplyDto,
  DebtorAnswerDto,
  DebtorContactDto,
  DocumentsReceivedDto,
  ReferToCreditorDto,
  RegisterObjectionDto,
  RejectObjectionDto,
  RequestDocumentsDto,
} from './dto/dispute.dto';
import {
  BoardOutcomeDto,
  CloseCaseDto,
  ConciliationDecisionDto,
  CreditNoteDto,
  FilingDto,
  NewPaymentDemandDto,
  PaymentDto,
  WithdrawDto,
} from './dto/money-and-closure.dto';

/** One route per action of the lifecycle; each body knows its domain command. */
@ApiTags('case commands')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'The revision (ETag) decided on; 409 if stale' })
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key gets the same answer' })
@Controller('cases')
export class CaseCommandController {
  constructor(private readonly commands: CaseCommandService) {}

  @Post()
  @Gives('HandOverClaim')
  @ApiOperation({ summary: 'Hand over a claim (idempotent on creditor id + creditor reference)' })
  handOver(@Body() body: HandOverClaimDto, @CommandCtx() ctx: CommandContext): Promise<CaseResponse> {
    const { principal } = ctx;
    if (principal.role === 'creditor' && body.creditorId && body.creditorId !== principal.creditorId) {
      throw Problems.forbidden('A creditor can hand over only its own claims.');
    }
    const creditorId = principal.role === 'creditor' ? principal.creditorId! : body.creditorId;
    if (!creditorId) {
      const messages = ['creditorId is required for a caseworker'];
      throw Problems.invalid('creditorId is required.', [{ field: 'creditorId', messages }]);
    }
    const caseId = caseIdFor(creditorId, body.creditorReference);
    return this.commands.run(caseId, body.toCommand(caseId, creditorId), ctx);
  }

  @CommandRoute('objections', 'RegisterObjection', 'Register an objection (full or partial)')
  registerObjection(@CaseId() id: string, @Body() body: RegisterObjectionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('objection/rejection', 'RejectObjection', 'The agency rejects the objection with a written answer')
  rejectObjection(@CaseId() id: string, @Body() body: RejectObjectionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute(
    'objection/document-request',
    'RequestDocuments',
    'Ask the debtor for a statement and documents (14 days)',
  )
  requestDocuments(@CaseId() id: string, @Body() body: RequestDocumentsDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('objection/documents', 'RecordDocumentsReceived', "Record the debtor's documents")
  recordDocuments(@CaseId() id: string, @Body() body: DocumentsReceivedDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute(
    'objection/referral',
    'ReferObjectionToCreditor',
    'Refer the objection to the creditor (14 days to answer)',
  )
  referToCreditor(@CaseId() id: string, @Body() body: ReferToCreditorDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute(
    'creditor-reply',
    'RecordCreditorReply',
    "The creditor's reply: maintain (with fee decision) or credit the disputed lines",
  )
  recordCreditorReply(@CaseId() id: string, @Body() body: CreditorReplyDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute(
    'debtor-contacts',
    'RecordDebtorContact',
    'Contact the debtor: phone, else letter or e-mail with a 14-day deadline',
  )
  recordDebtorContact(@CaseId() id: string, @Body() body: DebtorContactDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('debtor-answer', 'RecordDebtorAnswer', "The debtor's answer: accepts or maintains the dispute")
  recordDebtorAnswer(@CaseId() id: string, @Body() body: DebtorAnswerDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('payments', 'RegisterPayment', 'Register a payment (costs, then interest, then principal)')
  registerPayment(@CaseId() id: string, @Body() body: PaymentDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('credit-notes', 'IssueCreditNote', 'Credit order lines')
  issueCreditNote(@CaseId() id: string, @Body() body: CreditNoteDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('withdrawal', 'WithdrawClaim', 'The creditor withdraws the claim')
  withdrawClaim(@CaseId() id: string, @Body() body: WithdrawDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('conciliation-decision', 'DecideOnConciliation', "The creditor's decision on the conciliation board")
  decideOnConciliation(@CaseId() id: string, @Body() body: ConciliationDecisionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('conciliation-complaint', 'FileConciliationComplaint', 'File the forliksklage')
  fileComplaint(@CaseId() id: string, @Body() body: FilingDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute(
    'new-payment-demand',
    'SendNewPaymentDemand',
    'Send a new betalingsoppfordring (the first is over 6 months old, inkassoloven § 11)',
  )
  sendNewPaymentDemand(@CaseId() id: string, @Body() body: NewPaymentDemandDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('board-outcome', 'RecordBoardOutcome', "Record the conciliation board's outcome")
  recordBoardOutcome(@CaseId() id: string, @Body() body: BoardOutcomeDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute(
    'payment-order',
    'FilePaymentOrder',
    'Danish pack: file a betalingspåkrav for the undisputed claim (≤ 100 000 DKK; refused while an objection is open)',
  )
  filePaymentOrder(@CaseId() id: string, @Body() body: PaymentOrderDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute(
    'court-claim',
    'FileCourtClaim',
    'Danish pack: take the disputed claim to court (small claims or civil case)',
  )
  fileCourtClaim(@CaseId() id: string, @Body() body: CourtClaimDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('court-outcome', 'RecordCourtOutcome', "Danish pack: record the court's outcome")
  recordCourtOutcome(@CaseId() id: string, @Body() body: CourtOutcomeDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }

  @CommandRoute('closure', 'CloseCase', 'Close the case with a reason')
  closeCase(@CaseId() id: string, @Body() body: CloseCaseDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.run(id, body.toCommand(), ctx);
  }
}
