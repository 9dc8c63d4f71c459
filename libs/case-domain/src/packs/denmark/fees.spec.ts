import { businessCompensation, collectionCostCap, danishCourtFees, feeBearingReminders } from './fees';

const DKK = (kroner: number) => kroner * 100;

describe('the Danish collection-cost cap (bek. 601/2002), at its brackets', () => {
  it.each([
    [1, 400],
    [1_000, 400],
    [1_001, 700],
    [2_500, 700],
    [2_501, 1_000],
    [5_000, 1_000],
    [5_001, 1_300],
    [10_000, 1_300],
    [10_001, 1_700],
    [25_000, 1_700],
    [25_001, 2_250],
    [50_000, 2_250],
    [50_001, 2_850],
    [100_000, 2_850],
    [100_001, 3_850],
    [250_000, 3_850],
    [250_001, 6_400],
    [500_000, 6_400],
  ])('given a claim of %d DKK that arose after 1 Jul 2016, then the cap is %d DKK', (claim, max) => {
    const quote = collectionCostCap(DKK(claim), '2024-05-01');
    expect(quote).toMatchObject({
      kind: 'collectionCosts',
      amount: DKK(max),
      basis: { table: 'DK-inkassoomkostninger-2016' },
    });
    expect(quote.basis.unconfirmed).toBeUndefined();
  });

  it('given a claim above 500 000 DKK, then 6 400 DKK + 1 % of the part above', () => {
    expect(collectionCostCap(DKK(500_001), '2024-05-01').amount).toBe(DKK(6_400) + 1);
    expect(collectionCostCap(DKK(750_000), '2024-05-01').amount).toBe(DKK(6_400 + 2_500));
    // Half an øre rounds up: 1 % of 0.50 DKK is 0.5 øre.
    expect(collectionCostCap(DKK(500_000) + 50, '2024-05-01').amount).toBe(DKK(6_400) + 1);
  });

  it.each([
    [1_000, 350],
    [2_500, 600],
    [5_000, 850],
    [10_000, 1_100],
    [25_000, 1_450],
    [50_000, 1_950],
    [100_000, 2_450],
    [250_000, 3_300],
    [500_000, 5_500],
  ])(
    'given a claim of %d DKK that arose before 1 Jul 2016, then the pre-2016 cap is %d DKK, marked unconfirmed (its first day)',
    (claim, max) => {
      const quote = collectionCostCap(DKK(claim), '2016-06-30');
      expect(quote).toMatchObject({
        amount: DKK(max),
        basis: { table: 'DK-inkassoomkostninger-2009', unconfirmed: true },
      });
    },
  );

  it('given a pre-2016 claim above 500 000 DKK, then 5 500 DKK + 1 % above', () => {
    expect(collectionCostCap(DKK(600_000), '2015-01-01').amount).toBe(DKK(5_500 + 1_000));
  });
});

describe('Danish reminder fees and compensation (renteloven §§ 9 a, 9 b)', () => {
  it('given reminders, then at most three carry a fee, each at least 10 days after the reminder before it', () => {
    expect(feeBearingReminders(['2025-01-01', '2025-01-11', '2025-01-21', '2025-01-31'])).toEqual([
      '2025-01-01',
      '2025-01-11',
      '2025-01-21',
    ]);
    expect(feeBearingReminders(['2025-01-10', '2025-01-01', '2025-01-19', '2025-01-30'])).toEqual([
      '2025-01-01',
      '2025-01-30',
    ]);
    expect(feeBearingReminders([])).toEqual([]);
  });

  it('given a business debtor on a claim due from 1 Mar 2013, then 310 DKK; a consumer, or an older claim, none', () => {
    expect(businessCompensation('business', '2013-03-01')?.amount).toBe(DKK(310));
    expect(businessCompensation('business', '2013-02-28')).toBeNull();
    expect(businessCompensation('consumer', '2024-01-01')).toBeNull();
  });
});

describe('Danish court fees (retsafgiftsloven, RULES-DK.md § 6), at their brackets', () => {
  const amounts = (route: 'paymentOrder' | 'smallClaims' | 'civilCase', kroner: number) =>
    danishCourtFees(route, DKK(kroner), '2025-03-03').map((f) => [f.kind, f.amount / 100]);

  it('given a betalingspåkrav or a small claim, then 750 DKK', () => {
    expect(amounts('paymentOrder', 100_000)).toEqual([['courtFee', 750]]);
    expect(amounts('smallClaims', 50_000)).toEqual([['courtFee', 750]]);
  });

  it.each([
    [100_000, [['courtFee', 750]]],
    [
      100_001,
      [
        ['courtFee', 1_500],
        ['courtHearingFee', 3_000],
      ],
    ],
    [
      250_000,
      [
        ['courtFee', 1_500],
        ['courtHearingFee', 3_000],
      ],
    ],
    [
      250_001,
      [
        ['courtFee', 1_500],
        ['courtHearingFee', 8_000],
      ],
    ],
    [
      1_000_000,
      [
        ['courtFee', 1_500],
        ['courtHearingFee', 14_000],
      ],
    ],
    [
      2_000_000,
      [
        ['courtFee', 1_500],
        ['courtHearingFee', 35_000],
      ],
    ],
    [
      6_000_000,
      [
        ['courtFee', 1_500],
        ['courtHearingFee', 135_000],
      ],
    ],
    [
      6_000_001,
      [
        ['courtFee', 1_500],
        ['courtHearingFee', 160_000],
      ],
    ],
  ])('given a civil case of %d DKK, then %j', (kroner, expected) => {
    expect(amounts('civilCase', kroner)).toEqual(expected);
  });

  it('given a day before 1 Oct 2021, then no court fee table is in force', () => {
    expect(() => danishCourtFees('smallClaims', DKK(1_000), '2021-09-30')).toThrow(/not in force/);
  });
});
