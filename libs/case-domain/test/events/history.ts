import type {
  CaseEvent,
  ClaimHandedOver,
  DeadlineCancelled,
  DeadlineFired,
  DeadlineScheduled,
  FeeCharged,
  FeeKind,
  FeeQuote,
  Instant,
  InterestAccrual,
  Recommendation,
  TimerKind,
} from '../../src';
import { handover } from '../../testing';

/**
 * The literal history of one case (case-1: Kari Nordmann, consumer, 3 000 NOK on two lines,
 * due 1 Feb 2025, handed over Monday 3 Mar 2025), step by step. Each step is the exact `then`
 * of one spec and, from there on, part of the `given` of the next: the story is written once,
 * and every step of it is checked against the decider.
 *
 * Nothing here is computed by the domain: instants, amounts and tables are written out, and
 * were checked by hand against RULES.md (inkassosats 700 NOK, R = 1 314 NOK, 12.5 % in H1 2025).
 */

// Timers are numbered per case, counting every timer ever scheduled on it.
const timerId = (kind: TimerKind, n: number): string => `case-1/${kind}/${n}`;

export const scheduled = (kind: TimerKind, n: number, dueAt: Instant, at: Instant): DeadlineScheduled => ({
  type: 'DeadlineScheduled',
  data: { at, timerId: timerId(kind, n), kind, dueAt },
});
export const cancelled = (kind: TimerKind, n: number, at: Instant): DeadlineCancelled => ({
  type: 'DeadlineCancelled',
  data: { at, timerId: timerId(kind, n), kind },
});
/** A timer fires at its own due time, whenever the timer service gets to it. */
export const fired = (kind: TimerKind, n: number, dueAt: Instant): DeadlineFired => ({
  type: 'DeadlineFired',
  data: { at: dueAt, timerId: timerId(kind, n), kind },
});
export const charged = (
  fee: FeeQuote,
  at: Instant,
  chargedTo: 'debtor' | 'creditor' = 'debtor',
  replaces: FeeKind | null = null,
): FeeCharged => ({ type: 'FeeCharged', data: { at, fee, chargedTo, replaces, refund: 0 } });

/** Three years from the due date (1 Feb 2028) less 90 days. */
export const LIMITATION_WARNING_DUE = '2027-11-03T00:00:00.000Z';

const SATS_2025 = 'inkassoforskriften § 1-2: 700 NOK (2017–2025)';
const FEE_TABLE = 'inkassoforskriften kap. 2 (§§ 2-2, 2-3), in force since 1 Oct 2020';

/** 1/20 of the inkassosats of 700 NOK. */
export const NOTICE_FEE: FeeQuote = {
  kind: 'notice',
  amount: 35_00,
  basis: {
    table: 'NO-inkassosats',
    validFrom: '2017-01-01',
    source: SATS_2025,
    figures: { inkassosats: 700_00, twentieths: 1 },
  },
};
/** A 3 000 NOK claim is in the bracket up to 10 000 NOK: 80/100 of the sats, 560 NOK. */
export const LIGHT_FEE: FeeQuote = {
  kind: 'lightFee',
  amount: 560_00,
  basis: {
    table: 'NO-inkassoforskriften-ch2-2020-10-01',
    validFrom: '2020-10-01',
    source: `${FEE_TABLE}; ${SATS_2025}`,
    figures: {
      claim: 3_000_00,
      bracketUpTo: 10_000_00,
      satsHundredths: 80,
      inkassosats: 700_00,
      multiplier: 1,
      debtor: 'consumer',
    },
  },
};
/** Twice the light fee. */
export const HEAVY_FEE: FeeQuote = {
  kind: 'heavyFee',
  amount: 1_120_00,
  basis: { ...LIGHT_FEE.basis, figures: { ...LIGHT_FEE.basis.figures, multiplier: 2 } },
};
/** 1.1 R with R = 1 314 NOK. */
export const COURT_FEE: FeeQuote = {
  kind: 'courtFee',
  amount: 1_445_40,
  basis: {
    table: 'NO-rettsgebyr-forliksklage',
    validFrom: '2025-01-01',
    source: 'rettsgebyrloven: R = 1 314 NOK (2025)',
    figures: { rettsgebyr: 1_314_00, tenthsOfR: 11 },
  },
};

/** Late interest on the whole 3 000 NOK at 12.5 %, actual/365, from the day after the due date. */
export const interestUpTo = (to: string, days: number, amount: number): InterestAccrual => ({
  amount,
  from: '2025-02-01',
  to,
  table: 'NO-forsinkelsesrente',
  periods: [{ from: '2025-02-02', to, ratePercentBp: 1250, days, amount }],
});

export const AGENCY_FILES: Recommendation = {
  filer: 'agency',
  reason: 'Fees are chargeable to the debtor and the claim is within the board’s competence.',
};
export const CREDITOR_FILES_AS_DISPUTED_BEFORE: Recommendation = {
  filer: 'creditor',
  reason: 'Disputed before handover: collection fees cannot be charged to the debtor, so filing directly is cheaper.',
};

export const claimHandedOver = (overrides: Partial<ClaimHandedOver['data']> = {}): ClaimHandedOver => ({
  type: 'ClaimHandedOver',
  data: {
    at: '2025-03-03T09:00:00.000Z',
    ...handover(),
    noticeAlreadySentOn: null,
    disputedBeforeHandover: null,
    ...overrides,
  },
});

const DAY0 = '2025-03-03T09:00:00.000Z';
const NOTICE_DUE = '2025-03-17T09:00:00.000Z';
const DEMAND_DUE = '2025-03-31T09:00:00.000Z';
export const HEAVY_FEE_DUE = '2025-04-29T09:00:00.000Z';

/** Day 0: the agency sends the inkassovarsel, 14 days to pay. */
export const HANDED_OVER: CaseEvent[] = [
  claimHandedOver(),
  scheduled('limitationWarning', 1, LIMITATION_WARNING_DUE, DAY0),
  { type: 'CollectionNoticeSent', data: { at: DAY0, sentBy: 'agency', sentOn: '2025-03-03', deadlineAt: NOTICE_DUE } },
  scheduled('noticeDeadline', 2, NOTICE_DUE, DAY0),
  charged(NOTICE_FEE, DAY0),
];

/** Day 14: the betalingsoppfordring, 14 more days, the heavy fee from day 14 + 43. */
export const DEMAND_SENT: CaseEvent[] = [
  fired('noticeDeadline', 2, NOTICE_DUE),
  { type: 'PaymentDemandSent', data: { at: NOTICE_DUE, deadlineAt: DEMAND_DUE, heavyFeeFrom: HEAVY_FEE_DUE } },
  scheduled('demandDeadline', 3, DEMAND_DUE, NOTICE_DUE),
  scheduled('heavyFeeDue', 4, HEAVY_FEE_DUE, NOTICE_DUE),
  charged(LIGHT_FEE, NOTICE_DUE),
];

/** Day 28: the demand's deadline passes; the case waits for the heavy fee. */
export const DEMAND_DEADLINE_PASSED: CaseEvent[] = [
  fired('demandDeadline', 3, DEMAND_DUE),
  { type: 'PaymentDemandDeadlinePassed', data: { at: DEMAND_DUE } },
];

/** Day 57 (43 days after the demand): the heavy fee replaces the light fee. */
export const HEAVY_FEE_REACHED: CaseEvent[] = [
  fired('heavyFeeDue', 4, HEAVY_FEE_DUE),
  { type: 'HeavyFeeStageReached', data: { at: HEAVY_FEE_DUE } },
  charged(HEAVY_FEE, HEAVY_FEE_DUE, 'debtor', 'lightFee'),
];

const OBJECTED_AT = '2025-03-23T09:00:00.000Z';
const REFERRED_AT = '2025-03-24T09:00:00.000Z';
const MAINTAINED_AT = '2025-04-02T09:00:00.000Z';
const LETTER_AT = '2025-04-03T09:00:00.000Z';
const ANSWERED_AT = '2025-04-07T09:00:00.000Z';
const FILING_CHOSEN_AT = '2025-04-08T09:00:00.000Z';
const FILED_AT = '2025-04-14T09:00:00.000Z';
export const DEMAND_EXPIRES = '2025-09-18T00:00:00.000Z';

export const DEBTOR_STATEMENT = 'The service visit never happened.';

/** Day 20, at the light-fee stage: the whole invoice disputed, collection timers stopped. */
export const OBJECTED_AT_DEMAND: CaseEvent[] = [
  {
    type: 'ObjectionRegistered',
    data: {
      at: OBJECTED_AT,
      scope: 'full',
      lineIds: ['L1', 'L2'],
      pausesCollection: true,
      debtorStatement: DEBTOR_STATEMENT,
      channel: 'written',
      stageAtObjection: 'lightFee',
    },
  },
  cancelled('demandDeadline', 3, OBJECTED_AT),
  cancelled('heavyFeeDue', 4, OBJECTED_AT),
];

/** Day 21: the creditor has 14 days to reply. */
export const REFERRED_TO_CREDITOR: CaseEvent[] = [
  { type: 'ObjectionReferredToCreditor', data: { at: REFERRED_AT, note: 'Please comment on the service visit.' } },
  scheduled('creditorReply', 5, '2025-04-07T09:00:00.000Z', REFERRED_AT),
];

/** Day 30: the creditor maintains the claim and keeps the fee claim. */
export const CREDITOR_MAINTAINED: CaseEvent[] = [
  {
    type: 'CreditorMaintainedClaim',
    data: { at: MAINTAINED_AT, comment: 'The visit is logged.', feeDecision: 'keep' },
  },
  cancelled('creditorReply', 5, MAINTAINED_AT),
];

/** Day 31: not reached by phone, told by letter; 14 days (past Easter 2025) to pay. */
export const CONFIRMED_BY_LETTER: CaseEvent[] = [
  {
    type: 'ClaimConfirmedToDebtor',
    data: { at: LETTER_AT, channel: 'letter', paymentDeadlineAt: '2025-04-22T09:00:00.000Z' },
  },
  scheduled('debtorPaymentDeadline', 6, '2025-04-22T09:00:00.000Z', LETTER_AT),
];

/** Day 35: the debtor answers the letter and still disputes. */
export const DEBTOR_MAINTAINED_DISPUTE: CaseEvent[] = [
  {
    type: 'DebtorMaintainedDispute',
    data: { at: ANSWERED_AT, summary: 'Still says nobody came.', recommendation: AGENCY_FILES },
  },
  cancelled('debtorPaymentDeadline', 6, ANSWERED_AT),
];

/** Day 36: the creditor lets the agency file. */
export const AGENCY_FILING_CHOSEN: CaseEvent[] = [
  { type: 'AgencyFilingChosen', data: { at: FILING_CHOSEN_AT, recommendation: AGENCY_FILES } },
  // The payment demand of 17 March allows a forliksklage up to 17 September (inkassoloven § 11).
  scheduled('demandExpiry', 7, DEMAND_EXPIRES, FILING_CHOSEN_AT),
];

/** Day 42: the forliksklage, with the light fee (the objection's stage); limitation interrupted. */
export const COMPLAINT_FILED: CaseEvent[] = [
  {
    type: 'ConciliationComplaintFiled',
    data: {
      at: FILED_AT,
      filedOn: '2025-04-14',
      board: 'Oslo forliksråd',
      feeClaimed: { stage: 'lightFee', kind: 'lightFee', amount: 560_00 },
      limitationInterrupted: true,
    },
  },
  cancelled('demandExpiry', 7, FILED_AT),
  cancelled('limitationWarning', 1, FILED_AT),
  charged(COURT_FEE, FILED_AT),
];

const SETTLED_AT = '2025-05-02T09:00:00.000Z';

/** Day 60: settled before the board at 2 500 NOK, due 30 May. */
export const SETTLEMENT_REACHED: CaseEvent[] = [
  {
    type: 'BoardSettlementReached',
    data: {
      at: SETTLED_AT,
      amount: 2_500_00,
      dueDate: '2025-05-30',
      // 3 000 NOK × 12.5 % × 90 / 365 = 92.47 NOK
      interest: interestUpTo('2025-05-02', 90, 92_47),
      // Owed 3 000 + 35 + 560 + 1 445.40 + 92.47 = 5 132.87 NOK; settled at 2 500.
      writtenOff: { interest: 92_47, costs: 2_040_40, principal: 500_00 },
    },
  },
  scheduled('settlementDue', 8, '2025-05-31T00:00:00.000Z', SETTLED_AT),
  // A settlement starts a new 10-year period from its due date: 30 May 2035 less 90 days.
  scheduled('limitationWarning', 9, '2035-03-01T00:00:00.000Z', SETTLED_AT),
];

const inDemand = [...HANDED_OVER, ...DEMAND_SENT];
const demandDeadlinePassed = [...inDemand, ...DEMAND_DEADLINE_PASSED];
const objected = [...inDemand, ...OBJECTED_AT_DEMAND];
const referred = [...objected, ...REFERRED_TO_CREDITOR];
const claimMaintained = [...referred, ...CREDITOR_MAINTAINED];
const confirmedByLetter = [...claimMaintained, ...CONFIRMED_BY_LETTER];
const debtorMaintainsDispute = [...confirmedByLetter, ...DEBTOR_MAINTAINED_DISPUTE];
const agencyFiles = [...debtorMaintainsDispute, ...AGENCY_FILING_CHOSEN];
const atTheBoard = [...agencyFiles, ...COMPLAINT_FILED];

/** The case as it stands after each step of the story. */
export const CASE = {
  inNotice: HANDED_OVER,
  inDemand,
  demandDeadlinePassed,
  atHeavyFee: [...demandDeadlinePassed, ...HEAVY_FEE_REACHED],
  objected,
  referred,
  claimMaintained,
  confirmedByLetter,
  debtorMaintainsDispute,
  agencyFiles,
  atTheBoard,
  settled: [...atTheBoard, ...SETTLEMENT_REACHED],
} satisfies Record<string, CaseEvent[]>;
