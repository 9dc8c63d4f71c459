import type { CalendarDate } from '../time/dates';
import { COLLECTION_FEE_TABLE, COURT_FEE_TENTHS_OF_R, INKASSOSATS, RETTSGEBYR, TWENTIETHS } from './tables';
import {
  assertMinor,
  inForce,
  RuleNotInForce,
  type DebtorKind,
  type FeeBasis,
  type FeeQuote,
  type Minor,
} from './types';

/** Fractions of an amount, rounded half up to whole øre once, at the end. */
function share(amount: Minor, numerator: number, denominator: number): Minor {
  return Math.floor((amount * numerator * 2 + denominator) / (denominator * 2));
}

export function inkassosats(on: CalendarDate): { amount: Minor; basis: FeeBasis } {
  const row = inForce(INKASSOSATS, on, 'inkassosats');
  return {
    amount: row.amount,
    basis: {
      table: 'NO-inkassosats',
      validFrom: row.from,
      source: row.source,
      ...(row.unconfirmed && { unconfirmed: true }),
      figures: { inkassosats: row.amount },
    },
  };
}

function satsFee(kind: keyof typeof TWENTIETHS, on: CalendarDate): FeeQuote {
  const sats = inkassosats(on);
  return {
    kind,
    amount: share(sats.amount, TWENTIETHS[kind], 20),
    basis: { ...sats.basis, figures: { inkassosats: sats.amount, twentieths: TWENTIETHS[kind] } },
  };
}

export const noticeFee = (on: CalendarDate) => satsFee('notice', on);
export const reminderFee = (on: CalendarDate) => satsFee('reminder', on);
export const creditorDemandFee = (on: CalendarDate) => satsFee('creditorDemand', on);

function collectionFee(kind: 'lightFee' | 'heavyFee', claim: Minor, debtor: DebtorKind, on: CalendarDate): FeeQuote {
  assertMinor(claim, 'claim');
  if (on < COLLECTION_FEE_TABLE.from)
    throw new RuleNotInForce(`The collection fee table of 1 Oct 2020 is not in force on ${on}.`);
  const sats = inkassosats(on);
  const bracket = COLLECTION_FEE_TABLE.brackets.find((b) => b.upTo === null || claim <= b.upTo)!;
  const multiplier = kind === 'heavyFee' ? COLLECTION_FEE_TABLE.heavyMultiplier : 1;
  const tenths = debtor === 'business' ? COLLECTION_FEE_TABLE.businessTenths : 10;
  return {
    kind,
    amount: share(sats.amount * bracket.hundredths * multiplier, tenths, 1000),
    basis: {
      table: COLLECTION_FEE_TABLE.id,
      validFrom: COLLECTION_FEE_TABLE.from,
      source: `${COLLECTION_FEE_TABLE.source}; ${sats.basis.source}`,
      ...(sats.basis.unconfirmed && { unconfirmed: true }),
      figures: {
        claim,
        bracketUpTo: bracket.upTo ?? 'above',
        satsHundredths: bracket.hundredths,
        inkassosats: sats.amount,
        multiplier,
        debtor,
      },
    },
  };
}

export const lightFee = (claim: Minor, debtor: DebtorKind, on: CalendarDate) =>
  collectionFee('lightFee', claim, debtor, on);
export const heavyFee = (claim: Minor, debtor: DebtorKind, on: CalendarDate) =>
  collectionFee('heavyFee', claim, debtor, on);

export function courtFee(on: CalendarDate): FeeQuote {
  const row = inForce(RETTSGEBYR, on, 'rettsgebyr');
  return {
    kind: 'courtFee',
    amount: share(row.amount, COURT_FEE_TENTHS_OF_R, 10),
    basis: {
      table: 'NO-rettsgebyr-forliksklage',
      validFrom: row.from,
      source: row.source,
      ...(row.unconfirmed && { unconfirmed: true }),
      figures: { rettsgebyr: row.amount, tenthsOfR: COURT_FEE_TENTHS_OF_R },
    },
  };
}

const NORWEGIAN_FEE_TABLES = new Set(['NO-inkassosats', COLLECTION_FEE_TABLE.id, 'NO-rettsgebyr-forliksklage']);

/**
 * A Norwegian fee charged on `on`, computed again from the inputs it recorded (the claim, the
 * debtor's kind) with the tables in force that day; null when it is not of Norway's tables.
 * Throws when the recorded inputs do not compute.
 */
export function recomputeNorwegianFee(fee: FeeQuote, on: CalendarDate): FeeQuote | null {
  if (!NORWEGIAN_FEE_TABLES.has(fee.basis.table)) return null;
  const figures = fee.basis.figures;
  switch (fee.kind) {
    case 'notice':
      return noticeFee(on);
    case 'reminder':
      return reminderFee(on);
    case 'creditorDemand':
      return creditorDemandFee(on);
    case 'courtFee':
      return courtFee(on);
    case 'lightFee':
      return lightFee(Number(figures.claim), figures.debtor as DebtorKind, on);
    case 'heavyFee':
      return heavyFee(Number(figures.claim), figures.debtor as DebtorKind, on);
    default:
      throw new RuleNotInForce(`Norway charges no ${fee.kind}.`);
  }
}
