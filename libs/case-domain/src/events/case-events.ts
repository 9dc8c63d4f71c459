import type { CalendarDate, Instant } from '../time/dates';
import type { DebtorKind, FeeKind, FeeQuote, InterestAccrual, Minor, Allocation } from '../money';
import type { PackId } from '../packs/pack-id';

/**
 * Every event is a fact in the case's history, named in the past tense. `at` is the business
 * time of the fact (for a timer, the deadline it fired for); who recorded it and when it was
 * stored travel in the event store's metadata.
 */
type Fact<T extends string, D = Record<never, never>> = { type: T; data: D & { at: Instant } };

export interface DebtorContact {
  phone?: string;
  email?: string;
  postalAddress?: string;
}
export interface Debtor {
  id: string;
  name: string;
  kind: DebtorKind;
  contact: DebtorContact;
}
export interface OrderLine {
  lineId: string;
  description: string;
  amount: Minor;
}
export interface Invoice {
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: 'NOK' | 'DKK';
  lines: OrderLine[];
}
export type StageAtObjection = 'notice' | 'lightFee' | 'heavyFee';
export type FeeDecision = 'keep' | 'waive';
export type ContactChannel = 'letter' | 'email';
export type Filer = 'agency' | 'creditor';
export type { ManualClosureReason } from '../commands/command-variants';
import type { ManualClosureReason, ObjectionChannel } from '../commands/command-variants';
export type TimerKind =
  | 'noticeDeadline'
  | 'demandDeadline'
  | 'heavyFeeDue'
  | 'documentsDeadline'
  | 'creditorReply'
  | 'debtorPaymentDeadline'
  | 'settlementDue'
  | 'demandExpiry'
  | 'newDemandDeadline'
  | 'limitationWarning';
export interface Recommendation {
  filer: Filer;
  reason: string;
}
export interface CreditLine {
  lineId: string;
  amount: Minor;
}

// Handover
export type ClaimHandedOver = Fact<
  'ClaimHandedOver',
  {
    caseId: string;
    creditorId: string;
    creditorReference: string;
    debtor: Debtor;
    invoice: Invoice;
    noticeAlreadySentOn: CalendarDate | null;
    disputedBeforeHandover: { debtorStatement: string } | null;
    /**
     * The rule pack the case runs under, written only when it is not Norway's: a first event
     * without it (every history from before packs, every Norwegian case) is Norway's.
     */
    rulePack?: Exclude<PackId, 'NO'>;
    /** Danish pack: the creditor's reminders (rykkere) before handover, whose fees the claim carries. */
    remindersSentOn?: CalendarDate[];
  }
>;
export type ClaimRegisteredAsDisputed = Fact<
  'ClaimRegisteredAsDisputed',
  { debtorStatement: string; recommendation: Recommendation }
>;

// Collection
export type CollectionNoticeSent = Fact<
  'CollectionNoticeSent',
  { sentBy: 'agency' | 'creditor'; sentOn: CalendarDate; deadlineAt: Instant }
>;
/** In the Danish pack, the agency's letter after the påkrav: no heavy fee follows (`heavyFeeFrom` absent). */
export type PaymentDemandSent = Fact<'PaymentDemandSent', { deadlineAt: Instant; heavyFeeFrom?: Instant }>;
export type PaymentDemandDeadlinePassed = Fact<'PaymentDemandDeadlinePassed'>;
export type HeavyFeeStageReached = Fact<'HeavyFeeStageReached'>;

// Dispute
export type ObjectionRegistered = Fact<
  'ObjectionRegistered',
  {
    scope: 'full' | 'partial';
    lineIds: string[];
    /**
     * Whether collection stops while the objection is open: yes for the whole claim; a partial
     * objection leaves the rest collectable. Objections recorded before machine 2.0.0 lack it
     * and are read as `true` (see upcast.ts): the machine of that time paused every one.
     */
    pausesCollection: boolean;
    debtorStatement: string;
    channel: ObjectionChannel;
    stageAtObjection: StageAtObjection;
  }
>;
export type ObjectionRejectedByAgency = Fact<'ObjectionRejectedByAgency', { writtenAnswer: string }>;
/** Who documents are asked of, or came from. Norway asks the debtor (no field); Denmark both sides. */
export type DocumentParty = 'debtor' | 'creditor' | 'both';
export type DocumentsRequested = Fact<'DocumentsRequested', { request: string; from?: DocumentParty }>;
export type DocumentsReceived = Fact<'DocumentsReceived', { description: string; from?: DocumentParty }>;
export type DocumentsDeadlinePassed = Fact<'DocumentsDeadlinePassed'>;
export type ObjectionReferredToCreditor = Fact<'ObjectionReferredToCreditor', { note: string }>;
export type CreditorReplyOverdue = Fact<
  'CreditorReplyOverdue',
  { reminderNumber: number; creditorReminded: true; debtorInformed: true }
>;
export type CreditorMaintainedClaim = Fact<'CreditorMaintainedClaim', { comment: string; feeDecision: FeeDecision }>;
export type CreditorUpheldObjection = Fact<'CreditorUpheldObjection', { comment: string; lineIds: string[] }>;
export type DebtorNotReachedByPhone = Fact<'DebtorNotReachedByPhone'>;
export type DebtorReachedByPhone = Fact<'DebtorReachedByPhone', { summary: string }>;
export type ClaimConfirmedToDebtor = Fact<
  'ClaimConfirmedToDebtor',
  { channel: ContactChannel; paymentDeadlineAt: Instant }
>;
export type DebtorAcceptedClaim = Fact<'DebtorAcceptedClaim', { summary: string }>;
export type DebtorMaintainedDispute = Fact<
  'DebtorMaintainedDispute',
  { summary: string; recommendation: Recommendation }
>;
export type DebtorPaymentDeadlinePassed = Fact<'DebtorPaymentDeadlinePassed'>;
export type DisputeResolved = Fact<'DisputeResolved', { resolution: 'disputedLinesCredited' }>;

// Conciliation board (forliksrådet)
export type AgencyFilingChosen = Fact<'AgencyFilingChosen', { recommendation: Recommendation }>;
export type CreditorFilingChosen = Fact<'CreditorFilingChosen', { recommendation: Recommendation }>;
export type BoardDeclined = Fact<'BoardDeclined', { recommendation: Recommendation; comment: string }>;
export type ConciliationComplaintFiled = Fact<
  'ConciliationComplaintFiled',
  {
    filedOn: CalendarDate;
    board: string;
    /** The collection fee claimed in the complaint: the one of the stage the objection came at. */
    feeClaimed: { stage: StageAtObjection | null; kind: FeeKind | null; amount: Minor };
    limitationInterrupted: true;
  }
>;
export type BoardSettlementReached = Fact<
  'BoardSettlementReached',
  {
    amount: Minor;
    dueDate: CalendarDate;
    interest: InterestAccrual;
    writtenOff: { costs: Minor; interest: Minor; principal: Minor };
  }
>;
export type BoardJudgmentForCreditor = Fact<'BoardJudgmentForCreditor', { summary: string }>;
export type DefaultJudgmentGiven = Fact<'DefaultJudgmentGiven', { summary: string }>;
export type BoardJudgmentForDebtor = Fact<'BoardJudgmentForDebtor', { summary: string }>;
export type BoardReferredCase = Fact<'BoardReferredCase', { summary: string }>;
export type SettlementDueDatePassed = Fact<'SettlementDueDatePassed'>;

// Danish court routes (RULES-DK.md § 6): no conciliation board.
export type DanishCourtRoute = 'paymentOrder' | 'smallClaims' | 'civilCase';
/**
 * A betalingspåkrav filed with the bailiff's court for an undisputed claim (rpl ch. 44 a). The
 * debtor has 14 days to reply. `continueAsCivilCase`: the creditor's choice on the form, forced on
 * when limitation is near (an objection would otherwise end it with no grace year, § 20).
 */
export type PaymentOrderFiled = Fact<
  'PaymentOrderFiled',
  {
    filedOn: CalendarDate;
    court: string;
    claim: Minor;
    replyDeadlineAt: Instant;
    continueAsCivilCase: boolean;
    continueForced: boolean;
    limitationInterrupted: true;
  }
>;
/** No reply within 14 days: the court endorsed the betalingspåkrav, which works as a judgment. */
export type PaymentOrderEndorsed = Fact<'PaymentOrderEndorsed', { summary: string }>;
/** The debtor objected at the court and the form did not ask to continue: it ends. */
export type PaymentOrderOpposed = Fact<'PaymentOrderOpposed', { summary: string }>;
/** The debtor objected at the court; as the form asked, it continues as a civil case. */
export type PaymentOrderContinuedAsCivilCase = Fact<'PaymentOrderContinuedAsCivilCase', { summary: string }>;
/** A disputed claim taken to court: small claims (≤ 50 000 DKK, rpl ch. 39) or an ordinary civil case. */
export type CourtClaimFiled = Fact<
  'CourtClaimFiled',
  {
    filedOn: CalendarDate;
    court: string;
    route: Exclude<DanishCourtRoute, 'paymentOrder'>;
    value: Minor;
    limitationInterrupted: true;
  }
>;
export type CourtJudgmentForCreditor = Fact<'CourtJudgmentForCreditor', { summary: string; byDefault: boolean }>;
export type CourtJudgmentForDebtor = Fact<'CourtJudgmentForDebtor', { summary: string }>;
/** Six months passed since the betalingsoppfordring before a forliksklage (inkassoloven § 11). */
export type PaymentDemandExpired = Fact<'PaymentDemandExpired', { demandSentOn: CalendarDate }>;
export type NewPaymentDemandSent = Fact<'NewPaymentDemandSent', { deadlineAt: Instant }>;
export type NewPaymentDemandDeadlinePassed = Fact<'NewPaymentDemandDeadlinePassed'>;

// Money
export type PaymentRegistered = Fact<
  'PaymentRegistered',
  {
    amount: Minor;
    paidOn: CalendarDate;
    reference: string;
    interest: InterestAccrual;
    allocation: Allocation;
  }
>;
/**
 * A credit beyond the unpaid principal first undoes principal written off in a settlement,
 * then becomes a `refund`: what the debtor had already paid on it is owed back to them.
 */
export type CreditNoteIssued = Fact<
  'CreditNoteIssued',
  {
    lines: CreditLine[];
    amount: Minor;
    reason: string;
    interest: InterestAccrual;
    writeOffReversed: Minor;
    refund: Minor;
  }
>;
/** `refund`: costs the debtor paid beyond what the fees now come to, owed back. */
export type FeeCharged = Fact<
  'FeeCharged',
  { fee: FeeQuote; chargedTo: 'debtor' | 'creditor'; replaces: FeeKind | null; refund: Minor }
>;
export type FeesWaived = Fact<'FeesWaived', { amount: Minor; byCreditor: true }>;

// Closure
export type ClaimPaidInFull = Fact<'ClaimPaidInFull'>;
/** Nothing of the principal is left; fees and interest on a claim that was not owed fall away. */
export type ClaimCreditedInFull = Fact<'ClaimCreditedInFull', { writtenOff: { costs: Minor; interest: Minor } }>;
export type ClaimWithdrawn = Fact<'ClaimWithdrawn', { reason: string }>;
export type CaseClosed = Fact<'CaseClosed', { reason: ManualClosureReason; note: string }>;

// Deadlines: part of the history, so a replay reproduces them and a restart never loses one.
export type DeadlineScheduled = Fact<'DeadlineScheduled', { timerId: string; kind: TimerKind; dueAt: Instant }>;
/** `reason`: set when a due timer was dropped because the case no longer accepts it. */
export type DeadlineCancelled = Fact<'DeadlineCancelled', { timerId: string; kind: TimerKind; reason?: string }>;
export type DeadlineFired = Fact<'DeadlineFired', { timerId: string; kind: TimerKind }>;
export type LimitationWarningIssued = Fact<'LimitationWarningIssued', { limitationDate: CalendarDate }>;

/**
 * The debtor's personal data was erased (crypto-shredding: their key destroyed), recorded in
 * each of their cases. `basis`: a request (GDPR art. 17) or the end of the retention period.
 * `reason` is the agency's reference for the record (a ticket, a policy), never the debtor's data.
 */
export type PersonalDataErased = Fact<'PersonalDataErased', { subjectId: string; basis: ErasureBasis; reason: string }>;
export type ErasureBasis = 'request' | 'retention';

/** The events that move the machine (or that it must allow in the current state). */
export type TransitionEvent =
  | ClaimHandedOver
  | ClaimRegisteredAsDisputed
  | CollectionNoticeSent
  | PaymentDemandSent
  | PaymentDemandDeadlinePassed
  | HeavyFeeStageReached
  | ObjectionRegistered
  | ObjectionRejectedByAgency
  | DocumentsRequested
  | DocumentsReceived
  | DocumentsDeadlinePassed
  | ObjectionReferredToCreditor
  | CreditorReplyOverdue
  | CreditorMaintainedClaim
  | CreditorUpheldObjection
  | DebtorNotReachedByPhone
  | DebtorReachedByPhone
  | ClaimConfirmedToDebtor
  | DebtorAcceptedClaim
  | DebtorMaintainedDispute
  | DebtorPaymentDeadlinePassed
  | DisputeResolved
  | AgencyFilingChosen
  | CreditorFilingChosen
  | BoardDeclined
  | ConciliationComplaintFiled
  | BoardSettlementReached
  | BoardJudgmentForCreditor
  | DefaultJudgmentGiven
  | BoardJudgmentForDebtor
  | BoardReferredCase
  | SettlementDueDatePassed
  | PaymentOrderFiled
  | PaymentOrderEndorsed
  | PaymentOrderOpposed
  | PaymentOrderContinuedAsCivilCase
  | CourtClaimFiled
  | CourtJudgmentForCreditor
  | CourtJudgmentForDebtor
  | PaymentDemandExpired
  | NewPaymentDemandSent
  | NewPaymentDemandDeadlinePassed
  | PaymentRegistered
  | CreditNoteIssued
  | ClaimPaidInFull
  | ClaimCreditedInFull
  | ClaimWithdrawn
  | CaseClosed
  | LimitationWarningIssued;

/** Bookkeeping facts that accompany transitions, or records about the case; the machine has no say over them. */
export type LedgerEvent =
  FeeCharged | FeesWaived | DeadlineScheduled | DeadlineCancelled | DeadlineFired | PersonalDataErased;

export type CaseEvent = TransitionEvent | LedgerEvent;
export type CaseEventType = CaseEvent['type'];
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
