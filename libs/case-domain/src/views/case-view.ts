import { addDays, type CalendarDate, type Instant } from '../time/dates';
import type { CaseworkAction } from '../commands/case-commands';
import type { StageAtObjection, TimerKind } from '../events/case-events';
import { STATUS_LABELS, type CaseStatus } from '../machine/status';
import type { CaseFacts, CaseState } from '../state/case-state';
import { recommendFiler } from '../decide/recommendation';
import { allowedActions } from './allowed-actions';
import { amountsOf, type CaseAmounts } from './amounts';

export interface CaseFlags {
  disputeCode: boolean;
  collectionPaused: boolean;
  creditRemarkAllowed: boolean;
  feesChargeableToDebtor: boolean;
  stageAtObjection: StageAtObjection | null;
}

export interface CaseView {
  caseId: string;
  status: CaseStatus;
  stage: string;
  creditorId: string;
  creditorReference: string;
  debtor: CaseFacts['debtor'];
  flags: CaseFlags;
  amounts: CaseAmounts;
  openDeadline: { kind: TimerKind; dueAt: Instant } | null;
  deadlines: Array<{ timerId: string; kind: TimerKind; dueAt: Instant }>;
  allowedActions: CaseworkAction[];
  recommendation: ReturnType<typeof recommendFiler> | null;
  closure: CaseFacts['closure'];
  lastChangedAt: Instant;
}

/** A payment remark waits this long after the step that allows it. */
const REMARK_WAIT_DAYS = 30;

export function flagsOf(state: CaseState, asOf: CalendarDate): CaseFlags {
  const f = state.facts!;
  const disputeCode = f.dispute !== null;
  return {
    disputeCode,
    collectionPaused: f.dispute?.scope === 'full',
    creditRemarkAllowed: !disputeCode && state.status !== 'closed' && remarkStepPassed(f, asOf),
    feesChargeableToDebtor: f.feesChargeableToDebtor,
    stageAtObjection: f.stageAtObjection,
  };
}

/** Consumers: 30 days after a legal step; businesses: 30 days after the betalingsoppfordring. */
function remarkStepPassed(f: CaseFacts, asOf: CalendarDate): boolean {
  const step = f.debtor.kind === 'consumer' ? f.legalStepOn : f.demandSentOn;
  return step !== null && asOf >= addDays(step, REMARK_WAIT_DAYS);
}

/** The case as a caseworker sees it on `asOf` (interest is accrued up to that day). */
export function caseViewOf(state: CaseState, asOf: CalendarDate): CaseView {
  const f = state.facts;
  if (!f) throw new Error('No case has been handed over.');
  const deadlines = [...f.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const actions = allowedActions(state);
  // The recommendation matters where the creditor is to decide on the board.
  const awaitingDecision = actions.includes('DecideOnConciliation');
  return {
    caseId: f.caseId,
    status: state.status,
    stage: STATUS_LABELS[state.status],
    creditorId: f.creditorId,
    creditorReference: f.creditorReference,
    debtor: f.debtor,
    flags: flagsOf(state, asOf),
    amounts: amountsOf(f, asOf),
    openDeadline: deadlines[0] ? { kind: deadlines[0].kind, dueAt: deadlines[0].dueAt } : null,
    deadlines,
    allowedActions: actions,
    recommendation: awaitingDecision ? recommendFiler(f) : null,
    closure: f.closure,
    lastChangedAt: f.lastChangedAt,
  };
}
