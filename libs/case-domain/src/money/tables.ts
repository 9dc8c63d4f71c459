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
 * § 3). In basis points. RULES.md confirms H1 2025 and H1 2026; the rest are from Norges Bank's
 * policy-rate history and marked unconfirmed; the last one is carried forward until replaced.
 */
export const LATE_INTEREST: ReadonlyArray<Dated & { bp: number }> = [
  { from: '2023-01-01', to: '2023-06-30', bp: 1075, unconfirmed: true, source: 'policy rate 2.75 % + 8' },
  { from: '2023-07-01', to: '2023-12-31', bp: 1175, unconfirmed: true, source: 'policy rate 3.75 % + 8' },
  { from: '2024-01-01', to: '2024-06-30', bp: 1250, unconfirmed: true, source: 'policy rate 4.5 % + 8' },
  { from: '2024-07-01', to: '2024-12-31', bp: 1250, unconfirmed: true, source: 'policy rate 4.5 % + 8' },
  { from: '2025-01-01', to: '2025-06-30', bp: 1250, source: 'forsinkelsesrenteloven: 12.5 % H1 2025 (RULES.md)' },
  { from: '2025-07-01', to: '2025-12-31', bp: 1225, unconfirmed: true, source: 'policy rate 4.25 % + 8' },
  { from: '2026-01-01', to: '2026-06-30', bp: 1200, source: 'forsinkelsesrenteloven: 12.0 % H1 2026 (RULES.md)' },
  {
    from: '2026-07-01',
    bp: 1200,
    unconfirmed: true,
    source: 'H1 2026 rate carried forward until the next half-year rate is configured',
  },
];
export const LATE_INTEREST_TABLE = 'NO-forsinkelsesrente';
