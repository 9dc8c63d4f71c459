/**
 * The billing contract: the public, versioned events billing may read. They are not our
 * internal events: each says only what may be billed, in its own words, with no personal data
 * (no names, contacts, statements or free text). Amounts are whole minor units with their currency.
 * A type's `version` changes only when its shape changes in a way a consumer would notice;
 * every published shape is kept in `libs/billing/schemas/published`.
 */
export type Currency = 'NOK' | 'DKK';
export interface Money {
  amount: number;
  currency: Currency;
}
/** Who bears an amount: the debtor owes it, or the creditor pays it. */
export type Bearer = 'debtor' | 'creditor';
/** The dated rule or table that produced an amount (e.g. `inkassosats`, `rettsgebyr`), and its figures. */
export interface RuleUsed {
  table: string;
  validFrom: string;
  source: string;
  figures: Record<string, number | string>;
}
export interface InterestAccrued {
  amount: Money;
  from: string;
  to: string;
  table: string;
}

/** Where an integration event came from: the internal event's id, its case stream revision, its log position. */
export interface SourceRef {
  eventId: string;
  streamRevision: number;
  position: string;
}

interface Envelope<T extends string, V extends number, D> {
  /** Stable across redeliveries and replays: the consumer's idempotency key. */
  id: string;
  type: T;
  version: V;
  caseId: string;
  creditorId: string;
  /** Business time of the fact (ISO-8601 UTC). */
  occurredAt: string;
  source: SourceRef;
  data: D;
}

export type ClaimRegistered = Envelope<'ClaimRegistered', 1, { creditorReference: string; principal: Money }>;
export type FeeCharged = Envelope<
  'FeeCharged',
  1,
  {
    /** reminder, notice, creditorDemand, lightFee, heavyFee (Norway); a rule pack may add others. */
    feeKind: string;
    amount: Money;
    bearer: Bearer;
    /** The fee this one replaces (a bracket changed): that one's amount is no longer owed. */
    replaces: string | null;
    /** What the debtor already paid in costs beyond what the fees now come to: owed back to them. */
    refundToDebtor: Money;
    rule: RuleUsed;
  }
>;
export type FeeWaived = Envelope<
  'FeeWaived',
  1,
  {
    /** The costs the debtor no longer owes. */
    amount: Money;
    waivedBy: 'creditor';
  }
>;
export type CourtFeeIncurred = Envelope<
  'CourtFeeIncurred',
  1,
  { amount: Money; bearer: Bearer; refundToDebtor: Money; rule: RuleUsed }
>;
export type ClaimCredited = Envelope<
  'ClaimCredited',
  1,
  {
    amount: Money;
    lines: Array<{ lineId: string; amount: Money }>;
    interestAccrued: InterestAccrued;
    /** Principal written off in a settlement that this credit undid first. */
    writeOffReversed: Money;
    refundToDebtor: Money;
  }
>;
export type PaymentAllocated = Envelope<
  'PaymentAllocated',
  1,
  {
    amount: Money;
    paidOn: string;
    interestAccrued: InterestAccrued;
    /** The legal order: costs, then interest, then principal; `surplus` is owed back to the debtor. */
    allocation: { costs: Money; interest: Money; principal: Money; surplus: Money };
  }
>;
export type SettlementAgreed = Envelope<
  'SettlementAgreed',
  1,
  {
    amount: Money;
    dueDate: string;
    interestAccrued: InterestAccrued;
    writtenOff: { costs: Money; interest: Money; principal: Money };
  }
>;
/** Version 2 adds the Danish pack's closure `paymentOrderOpposed` to the reasons of version 1. */
export type CaseClosed = Envelope<
  'CaseClosed',
  2,
  {
    /** Why the machine closed the case (its `AutomaticClosure`s, a test holds the schema to them), or `manual`. */
    closure: string;
    /** For a manual closure: the caseworker's reason code (never their note). */
    manualReason: string | null;
    /** Costs and interest that fell away with the claim (credited in full). */
    writtenOff: { costs: Money; interest: Money } | null;
  }
>;

export type BillingEvent =
  | ClaimRegistered
  | FeeCharged
  | FeeWaived
  | CourtFeeIncurred
  | ClaimCredited
  | PaymentAllocated
  | SettlementAgreed
  | CaseClosed;
export type BillingEventType = BillingEvent['type'];

/** The current version of each type: what this engine publishes. */
export const CONTRACT_VERSIONS: { readonly [T in BillingEventType]: Extract<BillingEvent, { type: T }>['version'] } = {
  ClaimRegistered: 1,
  FeeCharged: 1,
  FeeWaived: 1,
  CourtFeeIncurred: 1,
  ClaimCredited: 1,
  PaymentAllocated: 1,
  SettlementAgreed: 1,
  CaseClosed: 2,
};
export const BILLING_EVENT_TYPES = Object.keys(CONTRACT_VERSIONS) as BillingEventType[];
