import type { Dated, Minor } from './types';

/** Inkassosatsen (inkassoforskriften § 1-2). */
export const INKASSOSATS: ReadonlyArray<Dated & { amount: Minor }> = [
  { from: '2017-01-01', to: '2025-12-31', amount: 700_00, source: 'inkassoforskriften § 1-2: 700 NOK (2017–2025)' },
  {
    from: '2026-01-01',
    amount: 750_00,
    unconfirmed: true,
    source: 'inkassoforskriften § 1-2: 750 NOK for 2026 (unconfirmed)',
  },
];

/**
 * The collection fee table of inkassoforskriften ch. 2 (in force since 1 October 2020): the
 * light fee per claim-size bracket, as hundredths of the inkassosats in force. At 700 NOK it
 * gives 175, 245, 280, 560, 1 120, 2 520 and 5 040 NOK. Heavy fee = 2 × light; a business
 * debtor pays 1.5 ×. Brackets are in NOK of the claim (principal + interest before due date).
 */
export const COLLECTION_FEE_TABLE = {
  id: 'NO-inkassoforskriften-ch2-2020-10-01',
  from: '2020-10-01',
  source: 'inkassoforskriften kap. 2 (§§ 2-2, 2-3), in force since 1 Oct 2020',
  brackets: [
    { upTo: 500_00, hundredths: 25 },
    { upTo: 1_000_00, hundredths: 35 },
    { upTo: 2_500_00, hundredths: 40 },
    { upTo: 10_000_00, hundredths: 80 },
    { upTo: 50_000_00, hundredths: 160 },
    { upTo: 250_000_00, hundredths: 360 },
    { upTo: null, hundredths: 720 },
  ],
  heavyMultiplier: 2,
  businessTenths: 15,
} as const;

/** Notice and reminder fee: 1/20 of the inkassosats; the creditor's own demand 3/20 (§§ 1-2, 1-3). */
export const TWENTIETHS = { notice: 1, reminder: 1, creditorDemand: 3 } as const;

/** Rettsgebyret R (rettsgebyrloven); a forliksklage costs 1.1 R. */
export const RETTSGEBYR: ReadonlyArray<Dated & { amount: Minor }> = [
  { from: '2025-01-01', to: '2025-12-31', amount: 1_314_00, source: 'rettsgebyrloven: R = 1 314 NOK (2025)' },
  {
    from: '2026-01-01',
    amount: 1_314_00,
    unconfirmed: true,
    source:
      'R for 2026 not confirmed: 2025 figure carried forward; a raise of the forliksklage fee to 1.54 R was proposed (unconfirmed, not applied)',
  },
];
export const COURT_FEE_TENTHS_OF_R = 11;

/**
 * Forsinkelsesrente: the policy rate + 8 points, fixed each half-year (forsinkelsesrenteloven
 * § 3), as published (RULES.md § 2a), in basis points. It reaches back far enough for any claim
 * due in the last ten years; a claim due before the first row is refused at handover. The last
 * row is carried forward, marked unconfirmed, until the next half-year's rate is configured.
 */
const halfYear = (year: number, half: 1 | 2, bp: number, unconfirmed = false): Dated & { bp: number } => ({
  from: `${year}-${half === 1 ? '01-01' : '07-01'}`,
  to: `${year}-${half === 1 ? '06-30' : '12-31'}`,
  bp,
  source: `forsinkelsesrenteloven § 3: ${(bp / 100).toFixed(2)} % ${half === 1 ? 'H1' : 'H2'} ${year} (RULES.md § 2a)`,
  ...(unconfirmed ? { unconfirmed } : {}),
});

export const LATE_INTEREST: ReadonlyArray<Dated & { bp: number }> = [
  halfYear(2014, 1, 950),
  halfYear(2014, 2, 950),
  halfYear(2015, 1, 925),
  halfYear(2015, 2, 900),
  halfYear(2016, 1, 875),
  halfYear(2016, 2, 850),
  halfYear(2017, 1, 850),
  halfYear(2017, 2, 850),
  halfYear(2018, 1, 850),
  halfYear(2018, 2, 850),
  halfYear(2019, 1, 875),
  halfYear(2019, 2, 925),
  halfYear(2020, 1, 950),
  halfYear(2020, 2, 800),
  halfYear(2021, 1, 800),
  halfYear(2021, 2, 800),
  halfYear(2022, 1, 850),
  halfYear(2022, 2, 925),
  halfYear(2023, 1, 1075),
  halfYear(2023, 2, 1175),
  halfYear(2024, 1, 1250),
  halfYear(2024, 2, 1250),
  halfYear(2025, 1, 1250),
  halfYear(2025, 2, 1225, true),
  halfYear(2026, 1, 1200),
  {
    from: '2026-07-01',
    bp: 1200,
    unconfirmed: true,
    source: 'H1 2026 rate carried forward until the next half-year rate is configured',
  },
];
export const LATE_INTEREST_TABLE = 'NO-forsinkelsesrente';
