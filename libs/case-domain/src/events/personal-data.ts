import type { CaseEventType } from './case-events';

/** A field of an event that holds personal data, and why the engine keeps it. */
export interface PersonalField {
  /** Dotted path in the event's data (`debtor.contact`); the value there may be text or an object. */
  path: string;
  purpose: string;
}

const DEBTORS_WORDS = "the debtor's own words, which the objection is assessed on and the creditor and board answer";
const FREE_TEXT = 'free text written about the case, which may describe the debtor';

/**
 * Every event field that holds personal data (LIFECYCLE.md: names, contact details,
 * statements, free text). Stored sealed with the debtor's key so that destroying the key erases
 * them everywhere without rewriting history; everything else (amounts, dates, states, ids)
 * stays in clear, so folds, fees and projections of money never need a key.
 */
export const PERSONAL_FIELDS: Partial<Record<CaseEventType, readonly PersonalField[]>> = {
  ClaimHandedOver: [
    { path: 'debtor.name', purpose: 'to address the debtor in notices, letters and calls' },
    { path: 'debtor.contact', purpose: 'to reach the debtor: post, e-mail and phone' },
    { path: 'disputedBeforeHandover', purpose: DEBTORS_WORDS },
  ],
  ClaimRegisteredAsDisputed: [{ path: 'debtorStatement', purpose: DEBTORS_WORDS }],
  ObjectionRegistered: [{ path: 'debtorStatement', purpose: DEBTORS_WORDS }],
  ObjectionRejectedByAgency: [{ path: 'writtenAnswer', purpose: 'the answer the debtor was sent' }],
  DocumentsRequested: [{ path: 'request', purpose: 'what the debtor was asked for' }],
  DocumentsReceived: [{ path: 'description', purpose: "the debtor's documents, as received" }],
  ObjectionReferredToCreditor: [{ path: 'note', purpose: FREE_TEXT }],
  CreditorMaintainedClaim: [{ path: 'comment', purpose: FREE_TEXT }],
  CreditorUpheldObjection: [{ path: 'comment', purpose: FREE_TEXT }],
  DebtorReachedByPhone: [{ path: 'summary', purpose: 'what the debtor said on the phone' }],
  DebtorAcceptedClaim: [{ path: 'summary', purpose: "the debtor's acknowledgment (it restarts limitation)" }],
  DebtorMaintainedDispute: [{ path: 'summary', purpose: DEBTORS_WORDS }],
  BoardDeclined: [{ path: 'comment', purpose: FREE_TEXT }],
  BoardJudgmentForCreditor: [{ path: 'summary', purpose: FREE_TEXT }],
  DefaultJudgmentGiven: [{ path: 'summary', purpose: FREE_TEXT }],
  BoardJudgmentForDebtor: [{ path: 'summary', purpose: FREE_TEXT }],
  BoardReferredCase: [{ path: 'summary', purpose: FREE_TEXT }],
  CreditNoteIssued: [{ path: 'reason', purpose: FREE_TEXT }],
  ClaimWithdrawn: [{ path: 'reason', purpose: FREE_TEXT }],
  CaseClosed: [{ path: 'note', purpose: FREE_TEXT }],
};

export function personalPathsOf(type: string): string[] {
  return (PERSONAL_FIELDS[type as CaseEventType] ?? []).map((f) => f.path);
}
