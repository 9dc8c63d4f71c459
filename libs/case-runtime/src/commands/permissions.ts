import type { CaseCommand, CaseworkAction } from '@app/case-domain';
import type { Principal, Role } from '../auth/principal';

/** A request to run one domain command on one case, as the HTTP edge hands it to the bus. */
export class ExecuteCaseCommand {
  constructor(
    readonly caseId: string,
    readonly command: Omit<CaseCommand, 'at'>,
    readonly principal: Principal,
    readonly options: { expectedRevision?: bigint; correlationId: string; idempotencyKey?: string },
  ) {}
}

/** Who may do what (LIFECYCLE.md, "Who does what"); auditors and billing change nothing. */
export const PERMITTED: Record<Role, ReadonlySet<CaseworkAction | 'FireDeadline'>> = {
  caseworker: new Set<CaseworkAction>([
    'HandOverClaim',
    'RegisterObjection',
    'RejectObjection',
    'RequestDocuments',
    'RecordDocumentsReceived',
    'ReferObjectionToCreditor',
    'RecordCreditorReply',
    'RecordDebtorContact',
    'RecordDebtorAnswer',
    'RegisterPayment',
    'IssueCreditNote',
    'WithdrawClaim',
    'DecideOnConciliation',
    'FileConciliationComplaint',
    'RecordBoardOutcome',
    'CloseCase',
  ]),
  creditor: new Set<CaseworkAction>([
    'HandOverClaim',
    'RecordCreditorReply',
    'DecideOnConciliation',
    'WithdrawClaim',
    'IssueCreditNote',
  ]),
  auditor: new Set(),
  billing: new Set(),
  system: new Set(['FireDeadline']),
};
