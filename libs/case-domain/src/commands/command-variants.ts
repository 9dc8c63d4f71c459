import type { TransitionEvent } from '../events/case-events';

type Gate = TransitionEvent['type'];

/**
 * The variants of the commands that have them, each with the event it records. One table: the
 * gates ask the machine about these events, the deciders record them, and the API offers the
 * variants as its enums.
 */
export const CREDITOR_REPLY_EVENTS = {
  maintain: 'CreditorMaintainedClaim',
  creditDisputedLines: 'CreditorUpheldObjection',
} as const satisfies Record<string, Gate>;

export const DEBTOR_ANSWER_EVENTS = {
  accepts: 'DebtorAcceptedClaim',
  maintainsDispute: 'DebtorMaintainedDispute',
} as const satisfies Record<string, Gate>;

/** A debtor told by letter or e-mail gets a payment deadline; by phone, the call is recorded as it went. */
export const DEBTOR_CONTACT_EVENTS = {
  letter: 'ClaimConfirmedToDebtor',
  email: 'ClaimConfirmedToDebtor',
  phoneReached: 'DebtorReachedByPhone',
  phoneNotReached: 'DebtorNotReachedByPhone',
} as const satisfies Record<string, Gate>;

export const CONCILIATION_CHOICE_EVENTS = {
  agencyFiles: 'AgencyFilingChosen',
  creditorFiles: 'CreditorFilingChosen',
  close: 'BoardDeclined',
} as const satisfies Record<string, Gate>;

export const BOARD_OUTCOME_EVENTS = {
  settlement: 'BoardSettlementReached',
  judgmentForCreditor: 'BoardJudgmentForCreditor',
  defaultJudgment: 'DefaultJudgmentGiven',
  judgmentForDebtor: 'BoardJudgmentForDebtor',
  noAgreement: 'BoardReferredCase',
} as const satisfies Record<string, Gate>;

/**
 * Danish court outcomes: of a betalingspåkrav (endorsed; opposed, which ends it or continues it
 * as a civil case as the form chose: `PaymentOrderContinuedAsCivilCase`) and of a court case.
 */
export const COURT_OUTCOME_EVENTS = {
  endorsed: 'PaymentOrderEndorsed',
  opposed: 'PaymentOrderOpposed',
  judgmentForCreditor: 'CourtJudgmentForCreditor',
  defaultJudgment: 'CourtJudgmentForCreditor',
  judgmentForDebtor: 'CourtJudgmentForDebtor',
} as const satisfies Record<string, Gate>;
export const COURT_CLAIM_ROUTES = ['smallClaims', 'civilCase'] as const;
export const DOCUMENT_PARTIES = ['debtor', 'creditor', 'both'] as const;

export const MANUAL_CLOSURE_REASONS = [
  'uncollectable',
  'debtorDeceased',
  'debtorBankrupt',
  'duplicate',
  'other',
] as const;
export const OBJECTION_CHANNELS = ['oral', 'written'] as const;

export type CreditorReplyKind = keyof typeof CREDITOR_REPLY_EVENTS;
export type DebtorAnswer = keyof typeof DEBTOR_ANSWER_EVENTS;
export type ConciliationChoice = keyof typeof CONCILIATION_CHOICE_EVENTS;
export type BoardOutcome = keyof typeof BOARD_OUTCOME_EVENTS;
export type CourtOutcome = keyof typeof COURT_OUTCOME_EVENTS;
export type CourtClaimRoute = (typeof COURT_CLAIM_ROUTES)[number];
export type ManualClosureReason = (typeof MANUAL_CLOSURE_REASONS)[number];
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];

/** The variant names of a table, for validation enums. */
export function variantsOf<T extends Record<string, Gate>>(events: T): Array<keyof T & string> {
  return Object.keys(events) as Array<keyof T & string>;
}
