import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CaseCommand } from '@app/case-domain';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { parseIdempotencyKey, parseIfMatch } from '../http/headers';
import { Problems } from '../http/problem';
import { CaseCommandService, type CaseResponse } from './case-command.service';
import { HandOverClaimDto } from './dto/handover.dto';
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
  PaymentDto,
  WithdrawDto,
} from './dto/money-and-closure.dto';
import { caseIdFor } from './ids';

type Command = Omit<CaseCommand, 'at'>;

/** One route per action of the lifecycle; each goes through the command bus. */
@ApiTags('case commands')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The revision (ETag) the command was decided on; 409 if stale',
})
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the original response',
})
@Controller('cases')
export class CaseCommandController {
  constructor(private readonly commands: CaseCommandService) {}

  @Post()
  @ApiOperation({ summary: 'Hand over a claim (idempotent on creditor id + creditor reference)' })
  async handOver(
    @Body() body: HandOverClaimDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const creditorId = p.role === 'creditor' ? p.creditorId! : body.creditorId;
    if (!creditorId)
      throw Problems.invalid('creditorId is required.', [
        { field: 'creditorId', messages: ['creditorId is required for a caseworker'] },
      ]);
    if (p.role === 'creditor' && body.creditorId && body.creditorId !== p.creditorId) {
      throw Problems.forbidden('A creditor can hand over only its own claims.');
    }
    const caseId = caseIdFor(creditorId, body.creditorReference);
    const { creditorId: _, ...rest } = body;
    return this.run(caseId, { type: 'HandOverClaim', data: { ...rest, caseId, creditorId } } as Command, p, req, res);
  }

  @Post(':caseId/objections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Register an objection (full or partial)' })
  objection(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: RegisterObjectionDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RegisterObjection', data: b } as Command, p, q, r);
  }

  @Post(':caseId/objection/rejection')
  @HttpCode(200)
  @ApiOperation({ summary: 'The agency rejects the objection with a written answer' })
  reject(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: RejectObjectionDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RejectObjection', data: b } as Command, p, q, r);
  }

  @Post(':caseId/objection/document-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the debtor for a statement and documents (14 days)' })
  requestDocuments(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: RequestDocumentsDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RequestDocuments', data: b } as Command, p, q, r);
  }

  @Post(':caseId/objection/documents')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the debtor's documents" })
  documents(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: DocumentsReceivedDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RecordDocumentsReceived', data: b } as Command, p, q, r);
  }

  @Post(':caseId/objection/referral')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refer the objection to the creditor (14 days to answer)' })
  refer(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: ReferToCreditorDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'ReferObjectionToCreditor', data: b } as Command, p, q, r);
  }

  @Post(':caseId/creditor-reply')
  @HttpCode(200)
  @ApiOperation({ summary: "The creditor's reply: maintain (with fee decision) or credit the disputed lines" })
  creditorReply(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: CreditorReplyDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RecordCreditorReply', data: b } as Command, p, q, r);
  }

  @Post(':caseId/debtor-contacts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Contact the debtor: phone, else letter or e-mail with a 14-day deadline' })
  debtorContact(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: DebtorContactDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RecordDebtorContact', data: b } as Command, p, q, r);
  }

  @Post(':caseId/debtor-answer')
  @HttpCode(200)
  @ApiOperation({ summary: "The debtor's answer: accepts or maintains the dispute" })
  debtorAnswer(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: DebtorAnswerDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RecordDebtorAnswer', data: b } as Command, p, q, r);
  }

  @Post(':caseId/payments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Register a payment (costs, then interest, then principal)' })
  payment(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: PaymentDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RegisterPayment', data: b } as Command, p, q, r);
  }

  @Post(':caseId/credit-notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Credit order lines' })
  creditNote(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: CreditNoteDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'IssueCreditNote', data: b } as Command, p, q, r);
  }

  @Post(':caseId/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'The creditor withdraws the claim' })
  withdraw(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: WithdrawDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'WithdrawClaim', data: b } as Command, p, q, r);
  }

  @Post(':caseId/conciliation-decision')
  @HttpCode(200)
  @ApiOperation({ summary: "The creditor's decision on the conciliation board" })
  conciliation(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: ConciliationDecisionDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'DecideOnConciliation', data: b } as Command, p, q, r);
  }

  @Post(':caseId/conciliation-complaint')
  @HttpCode(200)
  @ApiOperation({ summary: 'File the forliksklage' })
  file(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: FilingDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'FileConciliationComplaint', data: b } as Command, p, q, r);
  }

  @Post(':caseId/board-outcome')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the conciliation board's outcome" })
  outcome(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: BoardOutcomeDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'RecordBoardOutcome', data: b } as Command, p, q, r);
  }

  @Post(':caseId/closure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case with a reason' })
  close(
    @Param('caseId', ParseUUIDPipe) id: string,
    @Body() b: CloseCaseDto,
    @CurrentPrincipal() p: Principal,
    @Req() q: Request,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.run(id, { type: 'CloseCase', data: b } as Command, p, q, r);
  }

  private async run(
    caseId: string,
    command: Command,
    principal: Principal,
    req: Request,
    res: Response,
  ): Promise<CaseResponse> {
    const answer = await this.commands.run({
      caseId,
      command: { ...command, data: { ...(command.data as object) } } as Command,
      principal,
      expectedRevision: parseIfMatch(req.header('if-match')),
      idempotencyKey: parseIdempotencyKey(req.header('idempotency-key')),
      correlationId: String((req as Request & { id?: unknown }).id ?? ''),
      route: `${req.method} ${req.path}`,
    });
    res.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    return answer.body;
  }
}
