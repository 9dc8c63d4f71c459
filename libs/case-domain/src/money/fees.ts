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
