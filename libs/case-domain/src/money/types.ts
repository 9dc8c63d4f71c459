import type { CalendarDate } from '../time/dates';

/** Money: an integer of minor units (øre), never a float. */
export type Minor = number;
export type DebtorKind = 'consumer' | 'business';
export type FeeKind =
  | 'reminder'
  | 'notice'
  | 'creditorDemand'
  | 'lightFee'
  | 'heavyFee'
  | 'courtFee'
  // The Danish pack's (RULES-DK.md): inkassogebyr, kompensationsbeløb, the capped collection costs, the court's hearing fee.
  | 'handoverFee'
  | 'businessCompensation'
  | 'collectionCosts'
  | 'courtHearingFee';

/** Which dated table and figures produced an amount, so an audit years later gets the same. */
export interface FeeBasis {
  table: string;
  validFrom: CalendarDate;
  source: string;
  unconfirmed?: boolean;
  figures: Record<string, number | string>;
}
export interface FeeQuote {
  kind: FeeKind;
  amount: Minor;
  basis: FeeBasis;
}

/** No dated table covers the day asked for. */
export class RuleNotInForce extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleNotInForce';
  }
}

export function assertMinor(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative whole number of minor units, got ${value}`);
}

/** A dated figure: in force from `from` up to and including `to` (open-ended when absent). */
export interface Dated {
  from: CalendarDate;
  to?: CalendarDate;
  unconfirmed?: boolean;
  /** Computed from confirmed figures rather than published as such. */
  derived?: boolean;
  source: string;
}

export function inForce<T extends Dated>(rows: readonly T[], on: CalendarDate, what: string): T {
  const row = rows.find((r) => r.from <= on && (r.to === undefined || on <= r.to));
  if (!row) throw new RuleNotInForce(`No ${what} is in force on ${on}.`);
  return row;
}
