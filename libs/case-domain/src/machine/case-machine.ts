import { setup, stateIn } from 'xstate';
import type { StageAtObjection, TimerKind, TransitionEvent } from '../events/case-events';

/** Recorded in every event's metadata, so an audit knows which rules decided it. 2.1.0: the rule packs' states (the Danish court routes). */
export const CASE_MACHINE_VERSION = '2.1.0';

/**
 * What the machine says of a state besides its moves. `label` is what a caseworker reads in a
 * queue; `stageAtObjection` is the collection stage an objection made there is recorded at.
 */
export interface StateMeta {
  label?: string;
  stageAtObjection?: StageAtObjection;
}

/** Why a case closes, said on the transition that closes it; `manual` takes the caseworker's reason. */
export type AutomaticClosure =
  | 'paid'
  | 'credited'
  | 'withdrawn'
  | 'handedBackToCreditor'
  | 'closedWithoutBoard'
  | 'judgmentObtained'
  | 'disputeUpheld'
  | 'referredToDistrictCourt'
  | 'paymentOrderOpposed';
export interface TransitionMeta {
  closure?: AutomaticClosure | 'manual';
}

/**
 * `disputeCode`: the case carries the dispute code while in this state (leaving it lifts it).
 * `collectionPaused`: the collection track is held by an objection to the whole claim.
 * `deadline:<kind>`: this state owns that timer: entering it schedules it, leaving it cancels it.
 */
export type CaseTag = 'disputeCode' | 'collectionPaused' | `deadline:${TimerKind}`;

/**
 * A fact recorded without a change of state. XState treats a transition with neither target
 * nor action as no transition at all (`can` says no), so these name a no-op action.
 */
const RECORD = { actions: 'record' } as const;
const close = (closure: TransitionMeta['closure']) => ({ target: '#case.closed', meta: { closure } }) as const;

/** The dispute track at rest: no dispute open. Reaching it again is how a dispute ends. */
const NO_DISPUTE = '#case.open.dispute.none';
/** Back to the collection stage the case was at when a whole-claim objection held it. */
const RESUME_COLLECTION = '#case.open.collection.running.resumed';

/**
 * The one guard that reads an event's data: whether an objection holds the whole claim (and so
 * pauses collection) or only some lines (collection goes on with the rest). Every data variant a
 * guard tells apart is listed here, so tools that explore the machine can try each.
 */
export const GUARDED_VARIANTS = {
  ObjectionRegistered: [{ pausesCollection: true }, { pausesCollection: false }],
} as const;
const pausesCollection = ({ event }: { event: TransitionEvent }) =>
  event.type === 'ObjectionRegistered' &&
  (event.data as { pausesCollection?: boolean } | undefined)?.pausesCollection === true;

/**
 * The lifecycle of one collection case: the single source of which moves are legal, of the
 * states' names and labels, of which state owns which deadline, which states carry the dispute
 * code and which moves close the case (and why).
 *
 * An open case runs on two tracks at once (parallel regions): the collection track (notice,
 * demand, heavy fee, settlement) and the dispute track (objection, assessment, creditor, debtor,
 * conciliation board). An objection to the whole claim holds the collection track until the
 * dispute track is at rest again; a partial objection leaves collection running on the rest.
 *
 * It is used as a pure function (`initialTransition`/`transition`/`can`): a case's state is
 * the fold of its stream, never a stored snapshot. It holds no context: a move depends on the
 * states of the two tracks and, for an objection only, on its scope. Deadlines are not XState
 * delays (they would not survive a restart): a state names the timers it owns in its tags,
 * `deadlines/timer-rules.ts` says when each falls due, and the timers themselves are events.
 */
export const caseMachine = setup({
  types: {
    events: {} as TransitionEvent,
    tags: {} as CaseTag,
    meta: {} as StateMeta,
    transitionMeta: {} as TransitionMeta,
  },
  actions: { record: () => undefined },
  guards: {
    pausesCollection,
    collecting: stateIn('#case.open.collection.running'),
    disputeAtRest: stateIn(NO_DISPUTE),
  },
}).createMachine({
  id: 'case',
  initial: 'new',
  states: {
    new: {
      description: 'No claim handed over yet.',
      meta: { label: 'Not handed over' },
      on: { ClaimHandedOver: 'open' },
    },
    open: {
      type: 'parallel',
      tags: ['deadline:limitationWarning'],
      on: {
        PaymentRegistered: RECORD,
        CreditNoteIssued: RECORD,
        LimitationWarningIssued: RECORD,
        ClaimPaidInFull: close('paid'),
        ClaimCreditedInFull: close('credited'),
        ClaimWithdrawn: close('withdrawn'),
        CaseClosed: close('manual'),
      },
      states: {
        collection: {
          initial: 'registered',
          states: {
            registered: {
              description: 'Handover accepted; left at once for the first stage.',
              meta: { label: 'Registered' },
              on: {
                ClaimRegisteredAsDisputed: 'onHold',
                CollectionNoticeSent: 'running.notice',
                PaymentDemandSent: 'running.demand',
              },
            },
            running: {
              initial: 'notice',
              on: { ObjectionRegistered: { target: 'onHold', guard: 'pausesCollection' } },
              states: {
                notice: {
                  description: 'Inkassovarsel sent (inkassoloven § 9).',
                  meta: { label: 'Collection notice sent', stageAtObjection: 'notice' },
                  tags: ['deadline:noticeDeadline'],
                  on: { PaymentDemandSent: 'demand' },
                },
                demand: {
                  description: 'Betalingsoppfordring sent (§ 10): the light fee stage.',
                  meta: { label: 'Payment demand sent (light fee)', stageAtObjection: 'lightFee' },
                  tags: ['deadline:demandDeadline', 'deadline:heavyFeeDue'],
                  on: {
                    PaymentDemandDeadlinePassed: RECORD,
                    HeavyFeeStageReached: 'heavyFee',
                    PaymentOrderFiled: '#case.open.collection.paymentOrder',
                  },
                },
                heavyFee: {
                  description: 'Heavy fee replaces the light fee (forskriften § 2-3).',
                  meta: { label: 'Heavy fee stage', stageAtObjection: 'heavyFee' },
                },
                resumed: { type: 'history', target: 'demand' },
              },
            },
            onHold: {
              description: 'The whole claim is disputed: nothing is collected until the dispute track is at rest.',
              meta: { label: 'Collection on hold (whole claim disputed)' },
              tags: ['collectionPaused'],
              always: { target: RESUME_COLLECTION, guard: 'disputeAtRest' },
            },
            paymentOrder: {
              description:
                "Danish pack: a betalingspåkrav for the undisputed claim before the bailiff's court (14 days to reply).",
              meta: { label: 'Betalingspåkrav at the court (14 days to reply)' },
              on: {
                PaymentOrderEndorsed: close('judgmentObtained'),
                PaymentOrderOpposed: close('paymentOrderOpposed'),
                PaymentOrderContinuedAsCivilCase: { target: ['#case.open.dispute.disputed.atCourt', 'onHold'] },
              },
            },
            settlement: {
              description: 'Settlement (forlik) before the board: collecting the settled amount.',
              meta: { label: 'Collecting the settlement' },
              tags: ['deadline:settlementDue'],
              on: { SettlementDueDatePassed: RECORD },
            },
          },
        },
        dispute: {
          initial: 'none',
          states: {
            none: {
              description: 'No dispute open.',
              meta: { label: 'No dispute' },
              on: {
                ClaimRegisteredAsDisputed: 'disputed.preCollection',
                ObjectionRegistered: { target: 'disputed.assessing', guard: 'collecting' },
              },
            },
            disputed: {
              initial: 'assessing',
              tags: ['disputeCode'],
              on: { DisputeResolved: NO_DISPUTE },
              states: {
                preCollection: {
                  description: 'Disputed before handover: fees can never be charged to the debtor.',
                  meta: { label: 'Disputed before handover' },
                  on: {
                    AgencyFilingChosen: 'preparingComplaint',
                    CreditorFilingChosen: close('handedBackToCreditor'),
                    BoardDeclined: close('closedWithoutBoard'),
                  },
                },
                assessing: {
                  meta: { label: 'Objection to assess' },
                  on: {
                    ObjectionRejectedByAgency: 'awaitingDebtor',
                    DocumentsRequested: 'awaitingDebtorDocuments',
                    ObjectionReferredToCreditor: 'awaitingCreditor',
                  },
                },
                awaitingDebtorDocuments: {
                  meta: { label: 'Awaiting documents from the debtor' },
                  tags: ['deadline:documentsDeadline'],
                  on: { DocumentsReceived: 'assessing', DocumentsDeadlinePassed: 'assessing' },
                },
                awaitingCreditor: {
                  meta: { label: "Awaiting the creditor's reply" },
                  tags: ['deadline:creditorReply'],
                  on: {
                    CreditorReplyOverdue: RECORD,
                    CreditorMaintainedClaim: 'awaitingDebtor',
                    CreditorUpheldObjection: RECORD,
                  },
                },
                awaitingDebtor: {
                  description: 'The debtor is to be told that the claim stands.',
                  meta: { label: 'Debtor to be told the claim stands' },
                  on: {
                    DebtorNotReachedByPhone: RECORD,
                    DebtorReachedByPhone: RECORD,
                    ClaimConfirmedToDebtor: 'awaitingDebtorReply',
                    DebtorAcceptedClaim: NO_DISPUTE,
                    DebtorMaintainedDispute: 'conciliationDecision',
                  },
                },
                awaitingDebtorReply: {
                  description: 'Told by letter or e-mail, with a 14-day payment deadline.',
                  meta: { label: "Awaiting the debtor's reply (14-day deadline)" },
                  tags: ['deadline:debtorPaymentDeadline'],
                  on: {
                    DebtorNotReachedByPhone: RECORD,
                    DebtorReachedByPhone: RECORD,
                    DebtorAcceptedClaim: NO_DISPUTE,
                    DebtorMaintainedDispute: 'conciliationDecision',
                    DebtorPaymentDeadlinePassed: NO_DISPUTE,
                  },
                },
                conciliationDecision: {
                  description: 'The creditor decides on the conciliation board.',
                  meta: { label: 'Creditor to decide on the conciliation board' },
                  on: {
                    AgencyFilingChosen: 'preparingComplaint',
                    CreditorFilingChosen: close('handedBackToCreditor'),
                    BoardDeclined: close('closedWithoutBoard'),
                  },
                },
                preparingComplaint: {
                  description: 'The agency prepares the forliksklage, within 6 months of the betalingsoppfordring.',
                  meta: { label: 'Preparing the forliksklage' },
                  tags: ['deadline:demandExpiry'],
                  on: {
                    ConciliationComplaintFiled: 'conciliationBoard',
                    CourtClaimFiled: 'atCourt',
                    PaymentDemandExpired: 'newDemandNeeded',
                    // Also here: a case that reached this state after its demand expired has no timer to move it.
                    NewPaymentDemandSent: 'newDemandRunning',
                  },
                },
                newDemandNeeded: {
                  description: 'Over 6 months since the betalingsoppfordring: a new one first (inkassoloven § 11).',
                  meta: { label: 'A new payment demand is needed (§ 11)' },
                  on: { NewPaymentDemandSent: 'newDemandRunning' },
                },
                newDemandRunning: {
                  description: 'The new betalingsoppfordring runs its 14 days before the forliksklage.',
                  meta: { label: 'New payment demand sent (14 days)' },
                  tags: ['deadline:newDemandDeadline'],
                  on: { NewPaymentDemandDeadlinePassed: 'preparingComplaint' },
                },
                atCourt: {
                  description: 'Danish pack: before the court as a small claim or an ordinary civil case.',
                  meta: { label: 'Before the court (small claims or civil case)' },
                  on: {
                    CourtJudgmentForCreditor: close('judgmentObtained'),
                    CourtJudgmentForDebtor: close('disputeUpheld'),
                  },
                },
                conciliationBoard: {
                  description: 'Forliksklage filed with the conciliation board.',
                  meta: { label: 'At the conciliation board' },
                  on: {
                    BoardSettlementReached: { target: [NO_DISPUTE, '#case.open.collection.settlement'] },
                    BoardJudgmentForCreditor: close('judgmentObtained'),
                    DefaultJudgmentGiven: close('judgmentObtained'),
                    BoardJudgmentForDebtor: close('disputeUpheld'),
                    BoardReferredCase: close('referredToDistrictCourt'),
                  },
                },
              },
            },
          },
        },
      },
    },
    closed: { type: 'final', meta: { label: 'Closed' } },
  },
});

export type CaseMachine = typeof caseMachine;
