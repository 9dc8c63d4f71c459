/** What verification can find wrong with a stored case, in the auditor's words. */
export type FindingKind =
  | 'chainBroken'
  | 'revisionGap'
  | 'revisionReorder'
  | 'illegalTransition'
  | 'unfoldable'
  | 'feeMismatch'
  | 'interestMismatch'
  | 'timerFiredTwice'
  | 'timerNotAtItsTime';

export interface Finding {
  kind: FindingKind;
  /** The stored revision the finding is about (the first broken link, the event that does not hold). */
  revision: string;
  message: string;
}

export interface ChainStatus {
  /** Events carrying a link that holds. */
  chained: number;
  /** Events stored before the chain existed: not evidence of tampering, only not covered by a link. */
  unchained: number;
  /** The first link that does not hold, if any. */
  firstBroken: { revision: string; reason: string } | null;
}

export interface CaseVerification {
  caseId: string;
  events: number;
  /** The state the replay ended in. */
  status: string | null;
  chain: ChainStatus;
  findings: Finding[];
}
