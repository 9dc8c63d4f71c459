import { daysBetween, type CalendarDate } from '../../time/dates';
import { assertMinor, RuleNotInForce, type DebtorKind, type FeeQuote, type Minor } from '../../money/types';
import {
  BUSINESS_COMPENSATION,
  COLLECTION_COST_TABLES,
  COURT_FEES,
  HANDOVER_FEE,
  REMINDER_FEE,
  type CollectionCostTable,
} from './tables';

/** Rykkergebyr for one reminder: 100 DKK. */
export function danishReminderFee(sentOn: CalendarDate, number: number): FeeQuote {
  return {
    kind: 'reminder',
    amount: REMINDER_FEE.amount,
    basis: {
      table: REMINDER_FEE.id,
      validFrom: REMINDER_FEE.from,
      source: REMINDER_FEE.source,
      figures: { sentOn, reminderNumber: number, maxFeeBearing: REMINDER_FEE.maxFeeBearing },
    },
  };
}

/**
 * Which of the creditor's reminders carry a fee: at most 3, and only one sent at least 10 days
 * after the reminder before it (a reminder sooner carries none, renteloven § 9 b). Sorted by date.
 */
export function feeBearingReminders(sentOn: readonly CalendarDate[]): CalendarDate[] {
  const sorted = [...sentOn].sort();
  const bearing: CalendarDate[] = [];
  sorted.forEach((date, i) => {
    const previous = sorted[i - 1];
    const apart = previous === undefined || daysBetween(previous, date) >= REMINDER_FEE.minDaysApart;
    if (apart && bearing.length < REMINDER_FEE.maxFeeBearing) bearing.push(date);
  });
  return bearing;
}

/** Inkassogebyr: 100 DKK once, at handover. */
export function danishHandoverFee(): FeeQuote {
  return {
    kind: 'handoverFee',
    amount: HANDOVER_FEE.amount,
    basis: { table: HANDOVER_FEE.id, validFrom: HANDOVER_FEE.from, source: HANDOVER_FEE.source, figures: {} },
  };
}

/** Kompensationsbeløb: 310 DKK, business debtors only, claims due from 1 Mar 2013; null otherwise. */
export function businessCompensation(debtor: DebtorKind, dueDate: CalendarDate): FeeQuote | null {
  if (debtor !== 'business' || dueDate < BUSINESS_COMPENSATION.from) return null;
  return {
    kind: 'businessCompensation',
    amount: BUSINESS_COMPENSATION.amount,
    basis: {
      table: BUSINESS_COMPENSATION.id,
      validFrom: BUSINESS_COMPENSATION.from,
      source: BUSINESS_COMPENSATION.source,
      figures: { debtor, dueDate },
    },
  };
}

/** The cap table for a claim that arose on `arose` (its issue date): the pre-2016 one for older claims. */
export function collectionCostTableFor(arose: CalendarDate): CollectionCostTable {
  const table = COLLECTION_COST_TABLES.find((t) => t.from <= arose && (t.to === undefined || arose <= t.to));
  if (!table) throw new RuleNotInForce(`No Danish collection-cost table covers a claim that arose on ${arose}.`);
  return table;
}

/**
 * The most a debtor may be charged in collection costs for the claim, once per claim
 * (bek. 601/2002): the bracket's figure, and above 500 000 DKK also 1 % of the excess, rounded
 * half up to whole øre. A business debtor may be charged actual costs above it; the engine
 * charges the cap.
 */
export function collectionCostCap(claim: Minor, arose: CalendarDate): FeeQuote {
  assertMinor(claim, 'claim');
  const table = collectionCostTableFor(arose);
  const bracket = table.brackets.find((b) => b.upTo === null || claim <= b.upTo)!;
  const above = bracket.upTo === null ? Math.max(0, claim - table.aboveFrom) : 0;
  const extra = Math.floor((above * table.aboveBp * 2 + 10_000) / 20_000);
  return {
    kind: 'collectionCosts',
    amount: bracket.max + extra,
    basis: {
      table: table.id,
      validFrom: table.from,
      source: table.source,
      ...(table.unconfirmed && { unconfirmed: true }),
      figures: { claim, arose, bracketUpTo: bracket.upTo ?? 'above', bracketMax: bracket.max, abovePart: above },
    },
  };
}

function courtQuote(kind: 'courtFee' | 'courtHearingFee', amount: Minor, figures: FeeQuote['basis']['figures']) {
  return {
    kind,
    amount,
    basis: { table: COURT_FEES.id, validFrom: COURT_FEES.from, source: COURT_FEES.source, figures },
  } satisfies FeeQuote;
}

/**
 * The court fees of a Danish court step (retsafgiftsloven, RULES-DK.md § 6): 750 DKK for a
 * betalingspåkrav, a small claim, or a civil case up to 100 000 DKK; above that 1 500 DKK and
 * the hearing fee by value.
 */
export function danishCourtFees(route: 'paymentOrder' | 'smallClaims' | 'civilCase', value: Minor, on: CalendarDate) {
  assertMinor(value, 'value');
  if (on < COURT_FEES.from) throw new RuleNotInForce(`The Danish court fees of 1 Oct 2021 are not in force on ${on}.`);
  if (route === 'paymentOrder') return [courtQuote('courtFee', COURT_FEES.paymentOrder, { route, value })];
  if (route === 'smallClaims') return [courtQuote('courtFee', COURT_FEES.smallClaims, { route, value })];
  if (value <= COURT_FEES.civilCaseThreshold) {
    return [courtQuote('courtFee', COURT_FEES.civilCaseUpTo100k, { route, value })];
  }
  const hearing = COURT_FEES.hearing.find((h) => h.upTo === null || value <= h.upTo)!;
  return [
    courtQuote('courtFee', COURT_FEES.civilCaseAbove100k, { route, value }),
    courtQuote('courtHearingFee', hearing.fee, { route, value, bracketUpTo: hearing.upTo ?? 'above' }),
  ];
}

const DANISH_FEE_TABLES = new Set([
  REMINDER_FEE.id,
  HANDOVER_FEE.id,
  BUSINESS_COMPENSATION.id,
  COURT_FEES.id,
  ...COLLECTION_COST_TABLES.map((t) => t.id),
]);

/**
 * A Danish fee charged on `on`, computed again by the functions above from the inputs it
 * recorded (the reminder's date and number, the debtor's kind and due date, the claim and the
 * day it arose, the court route and value); null when it is not of Denmark's tables. Throws when
 * the recorded inputs do not compute (a fourth fee-bearing reminder, a hearing fee no value bears).
 */
export function recomputeDanishFee(fee: FeeQuote, on: CalendarDate): FeeQuote | null {
  if (!DANISH_FEE_TABLES.has(fee.basis.table)) return null;
  const figures = fee.basis.figures;
  switch (fee.kind) {
    case 'reminder': {
      const number = Number(figures.reminderNumber);
      if (!Number.isInteger(number) || number < 1 || number > REMINDER_FEE.maxFeeBearing)
        throw new RuleNotInForce(`At most ${REMINDER_FEE.maxFeeBearing} reminders carry a fee, not number ${number}.`);
      return danishReminderFee(String(figures.sentOn), number);
    }
    case 'handoverFee':
      return danishHandoverFee();
    case 'businessCompensation': {
      const quote = businessCompensation(figures.debtor as DebtorKind, String(figures.dueDate));
      if (!quote) throw new RuleNotInForce('No kompensationsbeløb for this debtor and due date.');
      return quote;
    }
    case 'collectionCosts':
      return collectionCostCap(Number(figures.claim), String(figures.arose));
    case 'courtFee':
    case 'courtHearingFee': {
      const route = figures.route as Parameters<typeof danishCourtFees>[0];
      const quote = danishCourtFees(route, Number(figures.value), on).find((q) => q.kind === fee.kind);
      if (!quote) throw new RuleNotInForce(`A ${route} of this value bears no ${fee.kind}.`);
      return quote;
    }
    default:
      throw new RuleNotInForce(`Denmark charges no ${fee.kind}.`);
  }
}
