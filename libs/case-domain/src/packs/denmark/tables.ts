import type { Dated, Minor } from '../../money/types';

/**
 * The Danish figures (RULES-DK.md), dated and sourced. `unconfirmed`: no source confirmed it;
 * `derived`: computed from confirmed figures. Amounts in øre.
 */
const DKK = (kroner: number): Minor => kroner * 100;

/** Rykkergebyr: at most 100 DKK a reminder, for at most 3, at least 10 days apart (renteloven § 9 b (1–2)). */
export const REMINDER_FEE = {
  id: 'DK-rykkergebyr',
  from: '2013-03-01',
  amount: DKK(100),
  maxFeeBearing: 3,
  minDaysApart: 10,
  source: 'renteloven § 9 b (1–2): ≤ 100 DKK, at most 3 reminders, ≥ 10 days apart',
} as const;

/** Inkassogebyr: 100 DKK once, when the claim is handed over to collection (renteloven § 9 b (3)). */
export const HANDOVER_FEE = {
  id: 'DK-inkassogebyr',
  from: '2013-03-01',
  amount: DKK(100),
  source: 'renteloven § 9 b (3): 100 DKK, once',
} as const;

/** Kompensationsbeløb: 310 DKK from a business debtor, claims due from 1 Mar 2013 (renteloven § 9 a (3)). */
export const BUSINESS_COMPENSATION = {
  id: 'DK-kompensationsbeloeb',
  from: '2013-03-01',
  amount: DKK(310),
  source: 'renteloven § 9 a (3); bek. 601/2002 § 2: 310 DKK, business debtors only',
} as const;

export interface CostBracket {
  /** Claim up to and including this many øre; null: above the last bracket. */
  upTo: Minor | null;
  max: Minor;
}
export interface CollectionCostTable {
  id: string;
  /** Claims that arose from this day (inclusive) up to `to` use this table. */
  from: string;
  to?: string;
  source: string;
  unconfirmed?: boolean;
  brackets: readonly CostBracket[];
  /** Above the last bracket: this many hundredths of a per cent of the part above it (1 % = 100). */
  aboveBp: number;
  aboveFrom: Minor;
}

const brackets = (maxima: number[]): CostBracket[] =>
  [1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, null].map((upTo, i) => ({
    upTo: upTo === null ? null : DKK(upTo),
    max: DKK(maxima[Math.min(i, maxima.length - 1)]),
  }));

/**
 * The cap on the collection costs a debtor may be charged, one per claim, by claim size
 * (bek. 601/2002 as amended). Above 500 000 DKK: the last bracket's figure + 1 % of the excess.
 */
export const COLLECTION_COST_TABLES: readonly CollectionCostTable[] = [
  {
    id: 'DK-inkassoomkostninger-2009',
    // The order's date; the day it took effect is unconfirmed (the table itself was checked).
    // A claim that arose before it has no table here and is refused at handover.
    from: '2009-05-28',
    to: '2016-06-30',
    unconfirmed: true,
    source: 'bek. 423 of 28 May 2009 (claims that arose before 1 Jul 2016; its first day unconfirmed)',
    brackets: brackets([350, 600, 850, 1_100, 1_450, 1_950, 2_450, 3_300, 5_500, 5_500]),
    aboveBp: 100,
    aboveFrom: DKK(500_000),
  },
  {
    id: 'DK-inkassoomkostninger-2016',
    from: '2016-07-01',
    source: 'bek. 476/2016 (claims that arose from 1 Jul 2016)',
    brackets: brackets([400, 700, 1_000, 1_300, 1_700, 2_250, 2_850, 3_850, 6_400, 6_400]),
    aboveBp: 100,
    aboveFrom: DKK(500_000),
  },
];

/**
 * Morarente: Nationalbanken's lending rate on 1 Jan / 1 Jul + 8 points (renteloven § 5), in
 * basis points, as RULES-DK.md § 3 gives it. A claim due before the first row cannot be
 * computed and is refused at handover. Claims due before 1 Mar 2013 would take + 7: none is
 * computable with this table, so the rule does not arise.
 */
const halfYear = (from: string, bp: number, mark?: 'derived' | 'unconfirmed'): Dated & { bp: number } => ({
  from,
  bp,
  source: `renteloven § 5: Nationalbanken's lending rate + 8 = ${(bp / 100).toFixed(2)} % from ${from}${mark ? ` (${mark})` : ''}`,
  ...(mark === 'unconfirmed' && { unconfirmed: true }),
  ...(mark === 'derived' && { derived: true }),
});

const withEnds = (rows: Array<Dated & { bp: number }>) =>
  rows.map((row, i) => (i + 1 < rows.length ? { ...row, to: dayBefore(rows[i + 1].from) } : row));

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
}

export const MORARENTE: ReadonlyArray<Dated & { bp: number }> = withEnds([
  halfYear('2020-01-01', 805),
  halfYear('2020-07-01', 805),
  halfYear('2021-01-01', 805),
  halfYear('2021-07-01', 765),
  halfYear('2022-01-01', 755),
  halfYear('2022-07-01', 755),
  halfYear('2023-01-01', 990),
  halfYear('2023-07-01', 1125),
  halfYear('2024-01-01', 1175),
  halfYear('2024-07-01', 1150, 'derived'),
  halfYear('2025-01-01', 1075),
  halfYear('2025-07-01', 975, 'derived'),
  // Open-ended: carried forward until the next half-year's rate is configured.
  halfYear('2026-01-01', 975, 'unconfirmed'),
]);
export const MORARENTE_TABLE = 'DK-morarente';

/** Court fees from 1 Oct 2021 (retsafgiftsloven, lov 425/2021), RULES-DK.md § 6. */
export const COURT_FEES = {
  id: 'DK-retsafgift-2021-10-01',
  from: '2021-10-01',
  source: 'retsafgiftsloven (lov 425/2021), in force 1 Oct 2021',
  paymentOrder: DKK(750),
  smallClaims: DKK(750),
  civilCaseUpTo100k: DKK(750),
  civilCaseAbove100k: DKK(1_500),
  civilCaseThreshold: DKK(100_000),
  /** Hearing fee (berammelsesafgift) for a civil case above 100 000 DKK, by value. */
  hearing: [
    { upTo: DKK(250_000), fee: DKK(3_000) },
    { upTo: DKK(500_000), fee: DKK(8_000) },
    { upTo: DKK(1_000_000), fee: DKK(14_000) },
    { upTo: DKK(2_000_000), fee: DKK(35_000) },
    { upTo: DKK(3_000_000), fee: DKK(60_000) },
    { upTo: DKK(4_000_000), fee: DKK(85_000) },
    { upTo: DKK(5_000_000), fee: DKK(110_000) },
    { upTo: DKK(6_000_000), fee: DKK(135_000) },
    { upTo: null, fee: DKK(160_000) },
  ],
} as const;

/** Court routes' scope (retsplejeloven ch. 44 a and ch. 39). */
export const PAYMENT_ORDER_LIMIT = DKK(100_000);
export const SMALL_CLAIMS_LIMIT = DKK(50_000);
/** Days the debtor has to answer a betalingspåkrav or a small claim. */
export const COURT_REPLY_DAYS = 14;
/** Bureau terms: a debt is reported only above 200 DKK (RULES-DK.md § 5). */
export const CREDIT_REMARK_MIN_DEBT = DKK(200);
