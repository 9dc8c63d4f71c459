import { setup } from 'xstate';
import type { TransitionEvent } from '../events/case-events';

/** Recorded in every event's metadata, so an audit knows which rules decided it. */
export const CASE_MACHINE_VERSION = '1.0.0';

const RESUME_COLLECTION = '#case.open.collection.resumed';
/**
 * A fact recorded without a change of state. XState treats a transition with neither target
 * nor action as no transition at all (`can` says no), so these name a no-op action.
 */
const RECORD = { actions: 'record' } as const;
const CLOSED = '#case.closed';

/**
 * The lifecycle of one collection case: the single source of which moves are legal.
 *
 * It is used as a pure function (`initialTransition`/`transition`/`can`): a case's state is
 * the fold of its stream, never a stored snapshot. It holds no context and no guards, so
 * "is this move allowed now" depends on the state alone and can be asked with the event
 * type. Deadlines are not XState delays (they would not survive a restart): the states that
 * start one are listed in `deadlines/timer-rules.ts`, and their timers are events.
 */
export const caseMachine = setup({
  types: { events: {} as TransitionEvent },
  actions: { record: () => undefined },
}).createMachine({
  id: 'case',
  initial: 'new',
  states: {
    new: {
      description: 'No claim handed over yet.',
      on: { ClaimHandedOver: 'open' },
    },
    open: {
      initial: 'registered',
      on: {
        PaymentRegistered: RECORD,
        CreditNoteIssued: RECORD,
        LimitationWarningIssued: RECORD,
        ClaimPaidInFull: CLOSED,
        ClaimCreditedInFull: CLOSED,
        ClaimWithdrawn: CLOSED,
        CaseClosed: CLOSED,
      },
      states: {
        registered: {
          description: 'Handover accepted; left at once for the first stage.',
          on: {
            ClaimRegisteredAsDisputed: 'preCollectionDispute',
            CollectionNoticeSent: 'collection.notice',
            PaymentDemandSent: 'collection.demand',
          },
        },
        preCollectionDispute: {
          description: 'Disputed before handover: fees can never be charged to the debtor.',
          on: {
            AgencyFilingChosen: 'preparingComplaint',
            CreditorFilingChosen: CLOSED,
            BoardDeclined: CLOSED,
          },
        },
        collection: {
          initial: 'notice',
          on: { ObjectionRegistered: 'dispute' },
          states: {
            notice: {
              description: 'Inkassovarsel sent (inkassoloven § 9).',
              on: { PaymentDemandSent: 'demand' },
            },
            demand: {
              description: 'Betalingsoppfordring sent (§ 10): the light fee stage.',
              on: { PaymentDemandDeadlinePassed: RECORD, HeavyFeeStageReached: 'heavyFee' },
            },
            heavyFee: { description: 'Heavy fee replaces the light fee (forskriften § 2-3).' },
            resumed: { type: 'history', target: 'demand' },
          },
        },
        dispute: {
          initial: 'assessing',
          on: { DisputeResolved: RESUME_COLLECTION },
          states: {
            assessing: {
              on: {
                ObjectionRejectedByAgency: 'awaitingDebtor',
                DocumentsRequested: 'awaitingDebtorDocuments',
                ObjectionReferredToCreditor: 'awaitingCreditor',
              },
            },
            awaitingDebtorDocuments: {
              on: { DocumentsReceived: 'assessing', DocumentsDeadlinePassed: 'assessing' },
            },
            awaitingCreditor: {
              on: {
                CreditorReplyOverdue: RECORD,
                CreditorMaintainedClaim: 'awaitingDebtor',
                CreditorUpheldObjection: RECORD,
              },
            },
            awaitingDebtor: {
              description: 'The debtor is to be told that the claim stands.',
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
              on: {
                AgencyFilingChosen: '#case.open.preparingComplaint',
                CreditorFilingChosen: CLOSED,
                BoardDeclined: CLOSED,
              },
            },
          },
        },
        preparingComplaint: {
          description: 'The agency prepares the forliksklage.',
          on: { ConciliationComplaintFiled: 'conciliationBoard', DisputeResolved: RESUME_COLLECTION },
        },
        conciliationBoard: {
          description: 'Forliksklage filed with the conciliation board.',
          on: {
            DisputeResolved: RESUME_COLLECTION,
            BoardSettlementReached: 'settled',
            BoardJudgmentForCreditor: CLOSED,
            DefaultJudgmentGiven: CLOSED,
            BoardJudgmentForDebtor: CLOSED,
            BoardReferredCase: CLOSED,
          },
        },
        settled: {
          description: 'Settlement (forlik) before the board: collecting the settled amount.',
          on: { SettlementDueDatePassed: RECORD },
        },
      },
    },
    closed: { type: 'final' },
  },
});

export type CaseMachine = typeof caseMachine;
