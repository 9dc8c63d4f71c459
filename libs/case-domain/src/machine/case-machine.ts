import { setup } from 'xstate';
import type { StageAtObjection, TimerKind, TransitionEvent } from '../events/case-events';

/** Recorded in every event's metadata, so an audit knows which rules decided it. */
export const CASE_MACHINE_VERSION = '1.0.0';

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
  | 'referredToDistrictCourt';
export interface TransitionMeta {
  closure?: AutomaticClosure | 'manual';
}

/**
 * `disputeCode`: the case carries the dispute code while in this state (leaving it lifts it).
 * `deadline:<kind>`: this state owns that timer: entering it schedules it, leaving it cancels it.
 */
export type CaseTag = 'disputeCode' | `deadline:${TimerKind}`;

const RESUME_COLLECTION = '#case.open.collection.resumed';
/**
 * A fact recorded without a change of state. XState treats a transition with neither target
 * nor action as no transition at all (`can` says no), so these name a no-op action.
 */
const RECORD = { actions: 'record' } as const;
const close = (closure: TransitionMeta['closure']) => ({ target: '#case.closed', meta: { closure } }) as const;

/**
 * The lifecycle of one collection case: the single source of which moves are legal, of the
 * states' names and labels, of which state owns which deadline, which states carry the dispute
 * code and which moves close the case (and why).
 *
 * It is used as a pure function (`initialTransition`/`transition`/`can`): a case's state is
 * the fold of its stream, never a stored snapshot. It holds no context and no guards, so
 * "is this move allowed now" depends on the state alone and can be asked with the event
 * type. Deadlines are not XState delays (they would not survive a restart): a state names the
 * timers it owns in its tags, `deadlines/timer-rules.ts` says when each falls due, and the
 * timers themselves are events.
 */
export const caseMachine = setup({
  types: {
    events: {} as TransitionEvent,
    tags: {} as CaseTag,
    meta: {} as StateMeta,
    transitionMeta: {} as TransitionMeta,
  },
  actions: { record: () => undefined },
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
      initial: 'registered',
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
        registered: {
          description: 'Handover accepted; left at once for the first stage.',
          meta: { label: 'Registered' },
          on: {
            ClaimRegisteredAsDisputed: 'preCollectionDispute',
            CollectionNoticeSent: 'collection.notice',
            PaymentDemandSent: 'collection.demand',
          },
        },
        preCollectionDispute: {
          description: 'Disputed before handover: fees can never be charged to the debtor.',
          meta: { label: 'Disputed before handover' },
          tags: ['disputeCode'],
          on: {
            AgencyFilingChosen: 'preparingComplaint',
            CreditorFilingChosen: close('handedBackToCreditor'),
            BoardDeclined: close('closedWithoutBoard'),
          },
        },
        collection: {
          initial: 'notice',
          on: { ObjectionRegistered: 'dispute' },
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
              on: { PaymentDemandDeadlinePassed: RECORD, HeavyFeeStageReached: 'heavyFee' },
            },
            heavyFee: {
              description: 'Heavy fee replaces the light fee (forskriften § 2-3).',
              meta: { label: 'Heavy fee stage', stageAtObjection: 'heavyFee' },
            },
            resumed: { type: 'history', target: 'demand' },
          },
        },
        dispute: {
          initial: 'assessing',
          tags: ['disputeCode'],
          on: { DisputeResolved: RESUME_COLLECTION },
          states: {
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
                DebtorAcceptedClaim: RESUME_COLLECTION,
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
                DebtorAcceptedClaim: RESUME_COLLECTION,
                DebtorMaintainedDispute: 'conciliationDecision',
                DebtorPaymentDeadlinePassed: RESUME_COLLECTION,
              },
            },
            conciliationDecision: {
              description: 'The creditor decides on the conciliation board.',
              meta: { label: 'Creditor to decide on the conciliation board' },
              on: {
                AgencyFilingChosen: '#case.open.preparingComplaint',
                CreditorFilingChosen: close('handedBackToCreditor'),
                BoardDeclined: close('closedWithoutBoard'),
              },
            },
          },
        },
        preparingComplaint: {
          description: 'The agency prepares the forliksklage.',
          meta: { label: 'Preparing the forliksklage' },
          tags: ['disputeCode'],
          on: { ConciliationComplaintFiled: 'conciliationBoard', DisputeResolved: RESUME_COLLECTION },
        },
        conciliationBoard: {
          description: 'Forliksklage filed with the conciliation board.',
          meta: { label: 'At the conciliation board' },
          tags: ['disputeCode'],
          on: {
            DisputeResolved: RESUME_COLLECTION,
            BoardSettlementReached: 'settled',
            BoardJudgmentForCreditor: close('judgmentObtained'),
            DefaultJudgmentGiven: close('judgmentObtained'),
            BoardJudgmentForDebtor: close('disputeUpheld'),
            BoardReferredCase: close('referredToDistrictCourt'),
          },
        },
        settled: {
          description: 'Settlement (forlik) before the board: collecting the settled amount.',
          meta: { label: 'Collecting the settlement' },
          tags: ['deadline:settlementDue'],
          on: { SettlementDueDatePassed: RECORD },
        },
      },
    },
    closed: { type: 'final', meta: { label: 'Closed' } },
  },
});

export type CaseMachine = typeof caseMachine;
