import type { CalendarDate, Instant } from '../time/dates';
import { packOf, type PackId } from '../packs';
import type { CaseworkAction } from '../commands/case-commands';
import type { StageAtObjection, TimerKind } from '../events/case-events';
import {
  collectionPaused,
  DEADLINE_TRACKS,
  STATUS_LABELS,
  tracksOf,
  type CaseStatus,
  type CollectionStage,
  type DisputeStage,
  type Track,
} from '../machine/status';
import type { Minor } from '../money';
import type { CaseFacts, CaseState, CourtStep } from '../state/case-state';
import { recommendFiler } from '../decide/recommendation';
import { allowedActions, allowedOptions } from './allowed-actions';
import { amountsOf, type CaseAmounts } from './amounts';

export interface CaseFlags {
  disputeCode: boolean;
  collectionPaused: boolean;
  creditRemarkAllowed: boolean;
  feesChargeableToDebtor: boolean;
  stageAtObjection: StageAtObjection | null;
}

export interface TrackDeadline {
  timerId: string;
  kind: TimerKind;
  dueAt: Instant;
  /** The track whose state owns it; `case` for those of the whole case (limitation). */
  track: Track;
}

/** The two tracks of an open case, each with its stage, its amount and its deadlines. */
export interface CaseTracksView {
  collection: { stage: CollectionStage; label: string; paused: boolean; collectable: Minor; deadlines: TimerKind[] };
  dispute: {
    stage: DisputeStage;
    label: string;
    scope: 'full' | 'partial';
    lineIds: string[];
    disputed: Minor;
    deadlines: TimerKind[];
  } | null;
}

export interface CaseView {
  caseId: string;
  /** One word for the case: the dispute track's stage while a dispute is open, else the collection track's. */
  status: CaseStatus;
  stage: string;
  /** Both tracks; null once the case is closed. */
  tracks: CaseTracksView | null;
  creditorId: string;
  creditorReference: string;
  /** The rule pack the case runs under, and the currency its amounts are in (minor units). */
  rulePack: PackId;
  currency: CaseFacts['invoice']['currency'];
  debtor: CaseFacts['debtor'];
  flags: CaseFlags;
  amounts: CaseAmounts;
  openDeadline: { kind: TimerKind; dueAt: Instant } | null;
  deadlines: TrackDeadline[];
  allowedActions: CaseworkAction[];
  /** For allowed actions with variants (reply, contact channel, outcome), the variants open now. */
  actionOptions: Partial<Record<CaseworkAction, string[]>>;
  recommendation: ReturnType<typeof recommendFiler> | null;
  /** Danish pack: the court step taken (route, filed on, the debtor's reply deadline); null before one. */
  court: CourtStep | null;
  closure: CaseFacts['closure'];
  lastChangedAt: Instant;
  /** When the debtor's personal data was erased; null while it is held. */
  personalDataErasedAt: Instant | null;
}

export function flagsOf(state: CaseState, asOf: CalendarDate): CaseFlags {
  const f = state.facts!;
  const disputeCode = f.dispute !== null;
  return {
    disputeCode,
    collectionPaused: collectionPaused(state.snapshot),
    creditRemarkAllowed: !disputeCode && state.status !== 'closed' && packOf(f).creditRemarkStepPassed(f, asOf),
    feesChargeableToDebtor: f.feesChargeableToDebtor,
    stageAtObjection: f.stageAtObjection,
  };
}

/** A state's label in the words of the case's rule pack. */
function labelOf(f: CaseFacts, status: CaseStatus): string {
  return packOf(f).labels[status] ?? STATUS_LABELS[status];
}

/** The case as a caseworker sees it on `asOf` (interest is accrued up to that day). */
export function caseViewOf(state: CaseState, asOf: CalendarDate): CaseView {
  const f = state.facts;
  if (!f) throw new Error('No case has been handed over.');
  const deadlines = [...f.timers]
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((t) => ({ ...t, track: DEADLINE_TRACKS.get(t.kind) ?? 'case' }));
  const actions = allowedActions(state, asOf);
  const amounts = amountsOf(f, asOf);
  // The recommendation matters where the creditor is to decide on the board.
  const awaitingDecision = actions.includes('DecideOnConciliation');
  return {
    caseId: f.caseId,
    status: state.status,
    stage: labelOf(f, state.status),
    tracks: tracksViewOf(state, amounts, deadlines),
    creditorId: f.creditorId,
    creditorReference: f.creditorReference,
    rulePack: packOf(f).id,
    currency: f.invoice.currency,
    debtor: f.debtor,
    flags: flagsOf(state, asOf),
    amounts,
    openDeadline: deadlines[0] ? { kind: deadlines[0].kind, dueAt: deadlines[0].dueAt } : null,
    deadlines,
    allowedActions: actions,
    actionOptions: allowedOptions(state, actions),
    recommendation: awaitingDecision ? recommendFiler(f) : null,
    court: f.court ?? null,
    closure: f.closure,
    lastChangedAt: f.lastChangedAt,
    personalDataErasedAt: f.personalDataErasedAt ?? null,
  };
}

function tracksViewOf(state: CaseState, amounts: CaseAmounts, deadlines: TrackDeadline[]): CaseTracksView | null {
  const tracks = tracksOf(state.snapshot);
  const dispute = state.facts!.dispute;
  if (!tracks) return null;
  const kindsOf = (track: Track) => deadlines.filter((d) => d.track === track).map((d) => d.kind);
  return {
    collection: {
      stage: tracks.collection,
      label: labelOf(state.facts!, `collection.${tracks.collection}`),
      paused: collectionPaused(state.snapshot),
      collectable: amounts.collectable,
      deadlines: kindsOf('collection'),
    },
    dispute:
      tracks.dispute && dispute
        ? {
            stage: tracks.dispute,
            label: labelOf(state.facts!, `dispute.${tracks.dispute}`),
            scope: dispute.scope,
            lineIds: dispute.lineIds,
            disputed: amounts.disputed,
            deadlines: kindsOf('dispute'),
          }
        : null,
  };
}
