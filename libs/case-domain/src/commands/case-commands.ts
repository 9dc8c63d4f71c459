import type { CalendarDate, Instant } from '../time/dates';
import type { Minor } from '../money';
import type {
  ContactChannel,
  CreditLine,
  Debtor,
  FeeDecision,
  Invoice,
  ManualClosureReason,
} from '../events/case-events';

/**
 * Commands are requests, named as imperatives. `at` is the moment the command is decided,
 * read from the caller's injected clock: the domain itself never reads one.
 */
type Request<T extends string, D = {}> = { type: T; at: Instant; data: D };

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
  }
>;
export type RegisterObjection = Request<
  'RegisterObjection',
  {
    /** Lines disputed; omitted or empty means the whole invoice. */
    lineIds?: string[];
    debtorStatement: string;
    channel: 'oral' | 'written';
  }
>;
export type RejectObjection = Request<'RejectObjection', { writtenAnswer: string }>;
export type RequestDocuments = Request<'RequestDocuments', { request: string }>;
export type RecordDocumentsReceived = Request<'RecordDocumentsReceived', { description: string }>;
export type ReferObjectionToCreditor = Request<'ReferObjectionToCreditor', { note?: string }>;
export type RecordCreditorReply = Request<
  'RecordCreditorReply',
  { reply: 'maintain'; feeDecision: FeeDecision; comment?: string } | { reply: 'creditDisputedLines'; comment?: string }
>;
export type RecordDebtorContact = Request<
  'RecordDebtorContact',
  | { channel: 'phone'; reached: false }
  | { channel: 'phone'; reached: true; summary: string; answer: 'accepts' | 'maintainsDispute' }
  | { channel: ContactChannel }
>;
export type RecordDebtorAnswer = Request<
  'RecordDebtorAnswer',
  { answer: 'accepts' | 'maintainsDispute'; summary: string }
>;
export type RegisterPayment = Request<'RegisterPayment', { amount: Minor; paidOn: CalendarDate; reference: string }>;
export type IssueCreditNote = Request<'IssueCreditNote', { lines: CreditLine[]; reason: string }>;
export type WithdrawClaim = Request<'WithdrawClaim', { reason: string }>;
export type DecideOnConciliation = Request<
  'DecideOnConciliation',
  { choice: 'agencyFiles' | 'creditorFiles' | 'close'; comment?: string }
>;
export type FileConciliationComplaint = Request<'FileConciliationComplaint', { board: string }>;
export type RecordBoardOutcome = Request<
  'RecordBoardOutcome',
  | { outcome: 'settlement'; amount: Minor; dueDate: CalendarDate }
  | { outcome: 'judgmentForCreditor' | 'defaultJudgment' | 'judgmentForDebtor' | 'noAgreement'; summary?: string }
>;
export type CloseCase = Request<'CloseCase', { reason: ManualClosureReason; note: string }>;
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
  | RecordBoardOutcome
  | CloseCase
  | FireDeadline;
export type CaseCommandType = CaseCommand['type'];
export type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;

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
  'FileConciliationComplaint',
  'RecordBoardOutcome',
  'CloseCase',
] as const satisfies readonly CaseCommandType[];
export type CaseworkAction = (typeof CASEWORK_ACTIONS)[number];
