import { initialTransition } from 'xstate';
import type { CalendarDate, Instant } from '../time/dates';
import type { FeeKind, Minor } from '../money';
import type {
  Debtor,
  DanishCourtRoute,
  Invoice,
  StageAtObjection,
  TimerKind,
  ManualClosureReason,
} from '../events/case-events';
import type { PackId } from '../packs/pack-id';
import { caseMachine, type AutomaticClosure } from '../machine/case-machine';
import { statusOf, type CaseSnapshot, type CaseStatus } from '../machine/status';

export interface LineState {
  lineId: string;
  description: string;
  amount: Minor;
  credited: Minor;
}
export interface FeeEntry {
  kind: FeeKind;
  amount: Minor;
  chargedTo: 'debtor' | 'creditor';
  table: string;
  active: boolean;
}
export interface OpenTimer {
  timerId: string;
  kind: TimerKind;
  dueAt: Instant;
}
export interface OpenDispute {
  scope: 'full' | 'partial';
  lineIds: string[];
  stageAtObjection: StageAtObjection | null;
  since: Instant;
  /** Danish pack: whose documents are on file (the creditor carries the burden of proof). */
  documents?: { debtor: boolean; creditor: boolean };
}
/** Danish pack: the court step taken, if any. */
export interface CourtStep {
  route: DanishCourtRoute;
  filedOn: CalendarDate;
  replyDeadlineAt: Instant | null;
  continueAsCivilCase: boolean;
}
export type ClosureReason = AutomaticClosure | ManualClosureReason;

export interface Ledger {
  /** Fees the debtor owes (active, not waived). */
  debtorCosts: Minor;
  /** Fees billed to the creditor: waived ones, and all where the debtor cannot be charged. */
  creditorCosts: Minor;
  interestAccrued: Minor;
  interestAccruedUntil: CalendarDate;
  interestStopped: boolean;
  paid: { costs: Minor; interest: Minor; principal: Minor };
  surplus: Minor;
  writtenOff: { costs: Minor; interest: Minor; principal: Minor };
}

export interface CaseFacts {
  caseId: string;
  creditorId: string;
  creditorReference: string;
  debtor: Debtor;
  invoice: Omit<Invoice, 'lines'>;
  lines: LineState[];
  disputedBeforeHandover: boolean;
  noticeSentOn: CalendarDate | null;
  demandSentOn: CalendarDate | null;
  /** The last legal step (forliksklage): starts the consumer's 30 days before a payment remark. */
  legalStepOn: CalendarDate | null;
  dispute: OpenDispute | null;
  stageAtObjection: StageAtObjection | null;
  feesChargeableToDebtor: boolean;
  fees: FeeEntry[];
  ledger: Ledger;
  timers: OpenTimer[];
  timersScheduled: number;
  creditorReminders: number;
  limitation: { runsFrom: CalendarDate; years: number; interrupted: boolean };
  settlement: { amount: Minor; dueDate: CalendarDate } | null;
  closure: { reason: ClosureReason; at: Instant } | null;
  openedAt: Instant;
  lastChangedAt: Instant;
  /** Set once the debtor's personal data is erased (their values then read ERASED). */
  personalDataErasedAt?: Instant;
  /** The rule pack, when not Norway's (absent in every Norwegian case, old or new). */
  rulePack?: Exclude<PackId, 'NO'>;
  /** Danish pack: the court step taken (betalingspåkrav, small claims, civil case). */
  court?: CourtStep;
}

/** A case as the fold of its stream: the machine's position and the facts it has gathered. */
export interface CaseState {
  readonly snapshot: CaseSnapshot;
  readonly status: CaseStatus;
  readonly facts: CaseFacts | null;
}

const [initialSnapshot] = initialTransition(caseMachine);

export const initialCaseState: CaseState = Object.freeze({
  snapshot: initialSnapshot,
  status: statusOf(initialSnapshot),
  facts: null,
});
