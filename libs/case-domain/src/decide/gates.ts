import type { CaseCommand, CaseworkAction } from '../commands/case-commands';
import type { TransitionEvent } from '../events/case-events';

type Gate = TransitionEvent['type'];

/**
 * The event each command (variant) needs the machine to allow. Asking the machine this,
 * before any payload is looked at, is how "which actions are allowed now" stays the
 * machine's answer alone.
 */
export function gateOf(command: CaseCommand): Gate | null {
  switch (command.type) {
    case 'HandOverClaim':
      return 'ClaimHandedOver';
    case 'RegisterObjection':
      return 'ObjectionRegistered';
    case 'RejectObjection':
      return 'ObjectionRejectedByAgency';
    case 'RequestDocuments':
      return 'DocumentsRequested';
    case 'RecordDocumentsReceived':
      return 'DocumentsReceived';
    case 'ReferObjectionToCreditor':
      return 'ObjectionReferredToCreditor';
    case 'RecordCreditorReply':
      return command.data.reply === 'maintain' ? 'CreditorMaintainedClaim' : 'CreditorUpheldObjection';
    case 'RecordDebtorContact':
      if (command.data.channel !== 'phone') return 'ClaimConfirmedToDebtor';
      return 'reached' in command.data && command.data.reached ? 'DebtorReachedByPhone' : 'DebtorNotReachedByPhone';
    case 'RecordDebtorAnswer':
      return command.data.answer === 'accepts' ? 'DebtorAcceptedClaim' : 'DebtorMaintainedDispute';
    case 'RegisterPayment':
      return 'PaymentRegistered';
    case 'IssueCreditNote':
      return 'CreditNoteIssued';
    case 'WithdrawClaim':
      return 'ClaimWithdrawn';
    case 'DecideOnConciliation':
      return (
        { agencyFiles: 'AgencyFilingChosen', creditorFiles: 'CreditorFilingChosen', close: 'BoardDeclined' } as const
      )[command.data.choice];
    case 'FileConciliationComplaint':
      return 'ConciliationComplaintFiled';
    case 'RecordBoardOutcome':
      return (
        {
          settlement: 'BoardSettlementReached',
          judgmentForCreditor: 'BoardJudgmentForCreditor',
          defaultJudgment: 'DefaultJudgmentGiven',
          judgmentForDebtor: 'BoardJudgmentForDebtor',
          noAgreement: 'BoardReferredCase',
        } as const
      )[command.data.outcome];
    case 'CloseCase':
      return 'CaseClosed';
    case 'FireDeadline':
      return null;
  }
}

/** Every gate an action has, over all its variants: the action is offered when any is open. */
export const ACTION_GATES: Record<CaseworkAction, readonly Gate[]> = {
  HandOverClaim: ['ClaimHandedOver'],
  RegisterObjection: ['ObjectionRegistered'],
  RejectObjection: ['ObjectionRejectedByAgency'],
  RequestDocuments: ['DocumentsRequested'],
  RecordDocumentsReceived: ['DocumentsReceived'],
  ReferObjectionToCreditor: ['ObjectionReferredToCreditor'],
  RecordCreditorReply: ['CreditorMaintainedClaim', 'CreditorUpheldObjection'],
  RecordDebtorContact: ['ClaimConfirmedToDebtor', 'DebtorReachedByPhone', 'DebtorNotReachedByPhone'],
  RecordDebtorAnswer: ['DebtorAcceptedClaim', 'DebtorMaintainedDispute'],
  RegisterPayment: ['PaymentRegistered'],
  IssueCreditNote: ['CreditNoteIssued'],
  WithdrawClaim: ['ClaimWithdrawn'],
  DecideOnConciliation: ['AgencyFilingChosen', 'CreditorFilingChosen', 'BoardDeclined'],
  FileConciliationComplaint: ['ConciliationComplaintFiled'],
  RecordBoardOutcome: [
    'BoardSettlementReached',
    'BoardJudgmentForCreditor',
    'DefaultJudgmentGiven',
    'BoardJudgmentForDebtor',
    'BoardReferredCase',
  ],
  CloseCase: ['CaseClosed'],
};
