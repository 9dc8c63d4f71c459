import {
  CLOSING_EVENTS,
  type CaseEvent,
  type CaseEventType,
  type EventOf,
  type FeeBasis,
  type FeeKind,
  type InterestAccrual,
  type Minor,
} from '@app/case-domain';
import type {
  BillingEvent,
  BillingEventType,
  Currency,
  InterestAccrued,
  Money,
  RuleUsed,
  SourceRef,
} from './integration-events';
import { CONTRACT_VERSIONS } from './integration-events';

/** What every billing event of a case carries, known from its handover. */
export interface CaseContext {
  caseId: string;
  creditorId: string;
  currency: Currency;
}

/** An internal event as stored, with where it sits in its stream and in the log. */
export interface SourceEvent {
  event: CaseEvent;
  source: SourceRef;
}

type Payload<T extends BillingEventType> = Extract<BillingEvent, { type: T }>['data'];
interface Make {
  money(amount: Minor): Money;
  event<T extends BillingEventType>(type: T, data: Payload<T>): BillingEvent;
}
type Mapper<T extends CaseEventType> = (event: EventOf<T>['data'], make: Make) => BillingEvent[];

const closed = (_data: unknown, make: Make): BillingEvent[] => [
  make.event('CaseClosed', { closure: 'unknown', manualReason: null, writtenOff: null }),
];
const NOT_BILLABLE = null;
/** The fees a court charges (the Danish civil case adds a hearing fee to the filing fee). */
const COURT_FEE_KINDS: ReadonlySet<FeeKind> = new Set(['courtFee', 'courtHearingFee']);

/**
 * Every internal event type with its billing meaning, or explicitly none. The table is typed
 * over all internal types, so a new internal event does not compile until someone decides here
 * whether billing learns of it. Only named fields are copied: free text and personal data never.
 */
const MAPPINGS: { [T in CaseEventType]: Mapper<T> | typeof NOT_BILLABLE } = {
  ClaimHandedOver: (d, m) => [
    m.event('ClaimRegistered', {
      creditorReference: d.creditorReference,
      principal: m.money(d.invoice.lines.reduce((sum, line) => sum + line.amount, 0)),
    }),
  ],
  FeeCharged: (d, m) =>
    COURT_FEE_KINDS.has(d.fee.kind)
      ? [
          m.event('CourtFeeIncurred', {
            amount: m.money(d.fee.amount),
            bearer: d.chargedTo,
            refundToDebtor: m.money(d.refund),
            rule: ruleOf(d.fee.basis),
          }),
        ]
      : [
          m.event('FeeCharged', {
            feeKind: d.fee.kind,
            amount: m.money(d.fee.amount),
            bearer: d.chargedTo,
            replaces: d.replaces,
            refundToDebtor: m.money(d.refund),
            rule: ruleOf(d.fee.basis),
          }),
        ],
  FeesWaived: (d, m) => [m.event('FeeWaived', { amount: m.money(d.amount), waivedBy: 'creditor' })],
  CreditNoteIssued: (d, m) => [
    m.event('ClaimCredited', {
      amount: m.money(d.amount),
      lines: d.lines.map((l) => ({ lineId: l.lineId, amount: m.money(l.amount) })),
      interestAccrued: interestOf(d.interest, m),
      writeOffReversed: m.money(d.writeOffReversed),
      refundToDebtor: m.money(d.refund),
    }),
  ],
  PaymentRegistered: (d, m) => [
    m.event('PaymentAllocated', {
      amount: m.money(d.amount),
      paidOn: d.paidOn,
      interestAccrued: interestOf(d.interest, m),
      allocation: {
        costs: m.money(d.allocation.costs),
        interest: m.money(d.allocation.interest),
        principal: m.money(d.allocation.principal),
        surplus: m.money(d.allocation.surplus),
      },
    }),
  ],
  BoardSettlementReached: (d, m) => [
    m.event('SettlementAgreed', {
      amount: m.money(d.amount),
      dueDate: d.dueDate,
      interestAccrued: interestOf(d.interest, m),
      writtenOff: {
        costs: m.money(d.writtenOff.costs),
        interest: m.money(d.writtenOff.interest),
        principal: m.money(d.writtenOff.principal),
      },
    }),
  ],
  // The closures (the machine's transitions into `closed`; a test holds this list to the machine's).
  ClaimPaidInFull: closed,
  ClaimCreditedInFull: (d, m) => [
    m.event('CaseClosed', {
      closure: 'credited',
      manualReason: null,
      writtenOff: { costs: m.money(d.writtenOff.costs), interest: m.money(d.writtenOff.interest) },
    }),
  ],
  ClaimWithdrawn: closed,
  CaseClosed: (d, m) => [m.event('CaseClosed', { closure: 'manual', manualReason: d.reason, writtenOff: null })],
  CreditorFilingChosen: closed,
  BoardDeclined: closed,
  BoardJudgmentForCreditor: closed,
  DefaultJudgmentGiven: closed,
  BoardJudgmentForDebtor: closed,
  BoardReferredCase: closed,
  PaymentOrderEndorsed: closed,
  PaymentOrderOpposed: closed,
  CourtJudgmentForCreditor: closed,
  CourtJudgmentForDebtor: closed,
  // Nothing billable: the case's course, its deadlines and records about it.
  ClaimRegisteredAsDisputed: NOT_BILLABLE,
  CollectionNoticeSent: NOT_BILLABLE,
  PaymentDemandSent: NOT_BILLABLE,
  PaymentDemandDeadlinePassed: NOT_BILLABLE,
  HeavyFeeStageReached: NOT_BILLABLE,
  ObjectionRegistered: NOT_BILLABLE,
  ObjectionRejectedByAgency: NOT_BILLABLE,
  DocumentsRequested: NOT_BILLABLE,
  DocumentsReceived: NOT_BILLABLE,
  DocumentsDeadlinePassed: NOT_BILLABLE,
  ObjectionReferredToCreditor: NOT_BILLABLE,
  CreditorReplyOverdue: NOT_BILLABLE,
  CreditorMaintainedClaim: NOT_BILLABLE,
  CreditorUpheldObjection: NOT_BILLABLE,
  DebtorNotReachedByPhone: NOT_BILLABLE,
  DebtorReachedByPhone: NOT_BILLABLE,
  ClaimConfirmedToDebtor: NOT_BILLABLE,
  DebtorAcceptedClaim: NOT_BILLABLE,
  DebtorMaintainedDispute: NOT_BILLABLE,
  DebtorPaymentDeadlinePassed: NOT_BILLABLE,
  DisputeResolved: NOT_BILLABLE,
  AgencyFilingChosen: NOT_BILLABLE,
  // Their court fees come as FeeCharged events of their own, right after them.
  ConciliationComplaintFiled: NOT_BILLABLE,
  PaymentOrderFiled: NOT_BILLABLE,
  CourtClaimFiled: NOT_BILLABLE,
  PaymentOrderContinuedAsCivilCase: NOT_BILLABLE,
  SettlementDueDatePassed: NOT_BILLABLE,
  PaymentDemandExpired: NOT_BILLABLE,
  NewPaymentDemandSent: NOT_BILLABLE,
  NewPaymentDemandDeadlinePassed: NOT_BILLABLE,
  LimitationWarningIssued: NOT_BILLABLE,
  DeadlineScheduled: NOT_BILLABLE,
  DeadlineCancelled: NOT_BILLABLE,
  DeadlineFired: NOT_BILLABLE,
  PersonalDataErased: NOT_BILLABLE,
};

/** The internal types billing hears of, and those it decided not to. */
export const BILLABLE_TYPES = (Object.keys(MAPPINGS) as CaseEventType[]).filter((t) => MAPPINGS[t] !== NOT_BILLABLE);

/**
 * The billing events of one internal event (none for most). Pure: the same stored event and
 * case always give the same events with the same ids, so a replay or redelivery repeats them exactly.
 */
export function toBillingEvents(source: SourceEvent, context: CaseContext): BillingEvent[] {
  const mapper = MAPPINGS[source.event.type] as Mapper<CaseEventType> | null;
  if (!mapper) return [];
  let n = 0;
  const make: Make = {
    money: (amount) => ({ amount, currency: context.currency }),
    event: (type, data) =>
      ({
        id: `${source.source.eventId}:${n++}`,
        type,
        version: CONTRACT_VERSIONS[type],
        caseId: context.caseId,
        creditorId: context.creditorId,
        occurredAt: source.event.data.at,
        source: { ...source.source },
        data,
      }) as BillingEvent,
  };
  const events = mapper(source.event.data, make);
  const closure = CLOSING_EVENTS.get(source.event.type);
  // The machine says why a case closed; the mapper says only what was written off.
  return closure ? events.map((e) => (e.type === 'CaseClosed' ? { ...e, data: { ...e.data, closure } } : e)) : events;
}

/** The case's billing context from its handover's data (creditor and currency are in clear there). */
export function caseContextOf(caseId: string, handover: EventOf<'ClaimHandedOver'>['data']): CaseContext {
  return { caseId, creditorId: handover.creditorId, currency: handover.invoice.currency };
}

function ruleOf(basis: FeeBasis): RuleUsed {
  return { table: basis.table, validFrom: basis.validFrom, source: basis.source, figures: { ...basis.figures } };
}

function interestOf(interest: InterestAccrual, make: Make): InterestAccrued {
  return { amount: make.money(interest.amount), from: interest.from, to: interest.to, table: interest.table };
}
