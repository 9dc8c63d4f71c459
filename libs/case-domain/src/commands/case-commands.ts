import type { CalendarDate, Instant } from '../time/dates';
import type { Minor } from '../money';
import type {
  BoardOutcome,
  ConciliationChoice,
  CreditorReplyKind,
  DebtorAnswer,
  ManualClosureReason,
  ObjectionChannel,
} from './command-variants';
import type { ContactChannel, CreditLine, Debtor, DocumentParty, FeeDecision, Invoice } from '../events/case-events';
import type { Jurisdiction } from '../packs/pack-id';
import type { CourtClaimRoute, CourtOutcome } from './command-variants';

/**
 * Commands are requests, named as imperatives. `at` is the moment the command is decided,
 * read from the caller's injected clock: the domain itself never reads one.
 */
type Request<T extends string, D = Record<never, never>> = { type: T; at: Instant; data: D };

export type HandOverClaim = Request<
  'HandOverClaim',
  {
    caseId: string;
    creditorId: string;
    creditorReference: string;
    debtor: Debtor;
    invoice: Invoice;
    noticeAlreadySentOn?: CalendarDate | null;
    disputedBeforeHandover?: { debtorStatement: string } | null;
    /** Picks the rule pack with the currency; Norway when omitted. */
    jurisdiction?: Jurisdiction;
    /** Danish pack: when the creditor sent its reminders (rykkere) before handover. */
    remindersSentOn?: CalendarDate[];
  }
>;
export type RegisterObjection = Request<
  'RegisterObjection',
  {
    /** Lines disputed; omitted or empty means the whole invoice. */
    lineIds?: string[];
    debtorStatement: string;
    channel: ObjectionChannel;
  }
>;
export type RejectObjection = Request<'RejectObjection', { writtenAnswer: string }>;
export type RequestDocuments = Request<'RequestDocuments', { request: string; from?: DocumentParty }>;
export type RecordDocumentsReceived = Request<'RecordDocumentsReceived', { description: string; from?: DocumentParty }>;
export type ReferObjectionToCreditor = Request<'ReferObjectionToCreditor', { note?: string }>;
export type RecordCreditorReply = Request<
  'RecordCreditorReply',
  | { reply: Extract<CreditorReplyKind, 'maintain'>; feeDecision: FeeDecision; comment?: string }
  | { reply: Exclude<CreditorReplyKind, 'maintain'>; comment?: string }
>;
export type RecordDebtorContact = Request<
  'RecordDebtorContact',
  | { channel: 'phone'; reached: false }
  | { channel: 'phone'; reached: true; summary: string; answer: DebtorAnswer }
  | { channel: ContactChannel }
>;
export type RecordDebtorAnswer = Request<'RecordDebtorAnswer', { answer: DebtorAnswer; summary: string }>;
export type RegisterPayment = Request<'RegisterPayment', { amount: Minor; paidOn: CalendarDate; reference: string }>;
export type IssueCreditNote = Request<'IssueCreditNote', { lines: CreditLine[]; reason: string }>;
export type WithdrawClaim = Request<'WithdrawClaim', { reason: string }>;
export type DecideOnConciliation = Request<'DecideOnConciliation', { choice: ConciliationChoice; comment?: string }>;
export type FileConciliationComplaint = Request<'FileConciliationComplaint', { board: string }>;
/** A new betalingsoppfordring, when the first is over 6 months old before a forliksklage (§ 11). */
export type SendNewPaymentDemand = Request<'SendNewPaymentDemand', Record<never, never>>;
export type RecordBoardOutcome = Request<
  'RecordBoardOutcome',
  | { outcome: Extract<BoardOutcome, 'settlement'>; amount: Minor; dueDate: CalendarDate }
  | { outcome: Exclude<BoardOutcome, 'settlement'>; summary?: string }
>;
export type CloseCase = Request<'CloseCase', { reason: ManualClosureReason; note: string }>;
/** Danish pack: a betalingspåkrav for an undisputed claim of at most 100 000 DKK. */
export type FilePaymentOrder = Request<'FilePaymentOrder', { court: string; continueAsCivilCase?: boolean }>;
/** Danish pack: a disputed claim to court, as a small claim or an ordinary civil case. */
export type FileCourtClaim = Request<'FileCourtClaim', { route: CourtClaimRoute; court: string }>;
export type RecordCourtOutcome = Request<'RecordCourtOutcome', { outcome: CourtOutcome; summary?: string }>;
/** Sent by the timer service when a scheduled deadline is due. */
export type FireDeadline = Request<'FireDeadline', { timerId: string }>;

export type CaseCommand =
  | HandOverClaim
  | RegisterObjection
  | RejectObjection
  | RequestDocuments
  | RecordDocumentsReceived
  | ReferObjectionToCreditor
  | RecordCreditorReply
  | RecordDebtorContact
  | RecordDebtorAnswer
  | RegisterPayment
  | IssueCreditNote
  | WithdrawClaim
  | DecideOnConciliation
  | FileConciliationComplaint
  | SendNewPaymentDemand
  | RecordBoardOutcome
  | CloseCase
  | FilePaymentOrder
  | FileCourtClaim
  | RecordCourtOutcome
  | FireDeadline;
export type CaseCommandType = CaseCommand['type'];
export type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;
/** A command as a caller asks for it: the moment it is decided is added by whoever holds the clock. */
export type CaseCommandRequest = { [T in CaseCommandType]: Omit<CommandOf<T>, 'at'> }[CaseCommandType];

export type CommandRequestOf<T extends CaseCommandType> = Omit<CommandOf<T>, 'at'>;

export function commandAt(request: CaseCommandRequest, at: Instant): CaseCommand {
  return { ...request, at } as CaseCommand;
}

/** The actions a person can take (the timer's FireDeadline is the system's, never offered). */
export const CASEWORK_ACTIONS = [
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
  'SendNewPaymentDemand',
  'FileConciliationComplaint',
  'RecordBoardOutcome',
  'FilePaymentOrder',
  'FileCourtClaim',
  'RecordCourtOutcome',
  'CloseCase',
] as const satisfies readonly CaseCommandType[];
export type CaseworkAction = (typeof CASEWORK_ACTIONS)[number];
