import type { CaseEventType, Debtor } from './case-events';

/** A field of an event that holds personal data, and why the engine keeps it. */
export interface PersonalField {
  /** Dotted path in the event's data to a text value (`debtor.contact.phone`). */
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
    { path: 'debtor.contact.phone', purpose: 'to call the debtor about the claim and the objection' },
    { path: 'debtor.contact.email', purpose: 'to write to the debtor by e-mail' },
    { path: 'debtor.contact.postalAddress', purpose: 'to send the debtor notices and letters by post' },
    { path: 'disputedBeforeHandover.debtorStatement', purpose: DEBTORS_WORDS },
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
  PaymentOrderEndorsed: [{ path: 'summary', purpose: FREE_TEXT }],
  PaymentOrderOpposed: [{ path: 'summary', purpose: FREE_TEXT }],
  PaymentOrderContinuedAsCivilCase: [{ path: 'summary', purpose: FREE_TEXT }],
  CourtJudgmentForCreditor: [{ path: 'summary', purpose: FREE_TEXT }],
  CourtJudgmentForDebtor: [{ path: 'summary', purpose: FREE_TEXT }],
  CreditNoteIssued: [{ path: 'reason', purpose: FREE_TEXT }],
  ClaimWithdrawn: [{ path: 'reason', purpose: FREE_TEXT }],
  CaseClosed: [{ path: 'note', purpose: FREE_TEXT }],
};

const PATHS = new Map(Object.entries(PERSONAL_FIELDS).map(([type, fields]) => [type, fields!.map((f) => f.path)]));
const NONE: readonly string[] = [];

/** The personal paths of an event type (none for most: amounts, dates and timers are not personal). */
export function personalPathsOf(type: string): readonly string[] {
  return PATHS.get(type) ?? NONE;
}

/** What a personal value reads as once its subject's data is erased. */
export const ERASED = '[erased]';

// The debtor's own personal fields, as paths inside the debtor (`name`, `contact.phone`).
const DEBTOR_PATHS = personalPathsOf('ClaimHandedOver')
  .filter((path) => path.startsWith('debtor.'))
  .map((path) => path.slice('debtor.'.length).split('.'));

/** The debtor as a case keeps them after erasure: id and kind stay, every personal value reads ERASED. */
export function erasedDebtor(debtor: Debtor): Debtor {
  const copy = structuredClone(debtor);
  for (const keys of DEBTOR_PATHS) {
    const holder = keys
      .slice(0, -1)
      .reduce<Record<string, unknown> | undefined>(
        (at, key) => at?.[key] as Record<string, unknown> | undefined,
        copy as never,
      );
    const last = keys[keys.length - 1];
    if (holder && holder[last] !== undefined && holder[last] !== null) holder[last] = ERASED;
  }
  return copy;
}
