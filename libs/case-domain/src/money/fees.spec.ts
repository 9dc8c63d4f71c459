import { courtFee, heavyFee, inkassosats, lightFee, noticeFee, reminderFee, creditorDemandFee } from './fees';
import { RuleNotInForce } from './types';

const NOK = (n: number) => Math.round(n * 100);

/** The light fee table of RULES.md (inkassoforskriften ch. 2, from 1 Oct 2020), row by row. */
const TABLE: Array<[claimUpToNok: number, feeNok: number]> = [
  [500, 175],
  [1_000, 245],
  [2_500, 280],
  [10_000, 560],
  [50_000, 1_120],
  [250_000, 2_520],
];
const ABOVE = 5_040;

describe('the collection fee table', () => {
  describe.each(['2020-10-01', '2023-05-17', '2025-12-31'])('on %s', (on) => {
    it.each(TABLE)('given a claim of exactly %d NOK, then the light fee is %d NOK', (upTo, fee) => {
      expect(lightFee(NOK(upTo), 'consumer', on).amount).toBe(NOK(fee));
    });

    it.each(TABLE.map(([upTo], i) => [upTo, TABLE[i + 1]?.[1] ?? ABOVE] as const))(
      'given a claim one øre above %d NOK, then it is in the next bracket (%d NOK)',
      (upTo, fee) => {
        expect(lightFee(NOK(upTo) + 1, 'consumer', on).amount).toBe(NOK(fee));
      },
    );

    it('given a claim of a million, then the light fee is the top row', () => {
      expect(lightFee(NOK(1_000_000), 'consumer', on).amount).toBe(NOK(ABOVE));
    });

    it.each([...TABLE, [1_000_000, ABOVE] as [number, number]])(
      'given %d NOK, then heavy is twice, business 1.5 times, business heavy 3 times',
      (claim, fee) => {
        expect(heavyFee(NOK(claim), 'consumer', on).amount).toBe(NOK(fee * 2));
        expect(lightFee(NOK(claim), 'business', on).amount).toBe(NOK(fee * 1.5));
        expect(heavyFee(NOK(claim), 'business', on).amount).toBe(NOK(fee * 3));
      },
    );
  });

  it('given a day before the table came into force, then no fee can be computed', () => {
    expect(() => lightFee(NOK(100), 'consumer', '2020-09-30')).toThrow(RuleNotInForce);
  });

  it('records the table, the bracket and the inkassosats it used', () => {
    const quote = lightFee(NOK(3_000), 'business', '2025-06-01');
    expect(quote.basis).toMatchObject({ table: 'NO-inkassoforskriften-ch2-2020-10-01', validFrom: '2020-10-01' });
    expect(quote.basis.figures).toMatchObject({
      claim: NOK(3_000),
      bracketUpTo: NOK(10_000),
      inkassosats: NOK(700),
      debtor: 'business',
    });
    expect(quote.basis.unconfirmed).toBeUndefined();
  });

  it('given 2026, then the fees follow the new inkassosats of 750 NOK, marked unconfirmed', () => {
    const quote = lightFee(NOK(3_000), 'consumer', '2026-01-01');
    expect(quote.amount).toBe(NOK(600));
    expect(quote.basis.unconfirmed).toBe(true);
    expect(lightFee(NOK(400), 'consumer', '2026-03-01').amount).toBe(NOK(187.5));
  });
});

describe('fees from the inkassosats', () => {
  it('the inkassosats is 700 NOK through 2025 and 750 NOK (unconfirmed) from 2026', () => {
    expect(inkassosats('2025-12-31').amount).toBe(NOK(700));
    expect(inkassosats('2026-01-01')).toMatchObject({ amount: NOK(750), basis: { unconfirmed: true } });
    expect(() => inkassosats('2016-12-31')).toThrow(RuleNotInForce);
  });

  it('the notice and reminder fees are 1/20 and the creditor’s own demand 3/20 of it', () => {
    expect(noticeFee('2025-03-01').amount).toBe(NOK(35));
    expect(reminderFee('2025-03-01').amount).toBe(NOK(35));
    expect(creditorDemandFee('2025-03-01').amount).toBe(NOK(105));
    expect(noticeFee('2026-03-01').amount).toBe(NOK(37.5));
  });

  it('the forliksklage costs 1.1 R: 1 445.40 NOK in 2025; 2026 carries R forward, unconfirmed', () => {
    expect(courtFee('2025-06-01').amount).toBe(NOK(1_445.4));
    expect(courtFee('2026-06-01')).toMatchObject({ amount: NOK(1_445.4), basis: { unconfirmed: true } });
    expect(() => courtFee('2024-12-31')).toThrow(RuleNotInForce);
  });
});

describe('fees at the edges of their validity', () => {
  it('given the last day of 2025 and the first of 2026, then the sats-based fees change with the inkassosats', () => {
    expect(noticeFee('2025-12-31')).toMatchObject({ amount: NOK(35), basis: { validFrom: '2017-01-01' } });
    expect(noticeFee('2025-12-31').basis.unconfirmed).toBeUndefined();
    expect(noticeFee('2026-01-01')).toMatchObject({
      amount: NOK(37.5),
      basis: { validFrom: '2026-01-01', unconfirmed: true },
    });
    expect(heavyFee(NOK(20_000), 'business', '2025-12-31').amount).toBe(NOK(3_360));
    expect(heavyFee(NOK(20_000), 'business', '2026-01-01').amount).toBe(NOK(3_600));
  });

  it('given the first and last day of the 2025 rettsgebyr, then it applies; the next day is carried forward, unconfirmed', () => {
    expect(courtFee('2025-01-01').amount).toBe(144_540);
    expect(courtFee('2025-12-31').basis.unconfirmed).toBeUndefined();
    expect(courtFee('2026-01-01').basis).toMatchObject({
      unconfirmed: true,
      figures: { rettsgebyr: NOK(1_314), tenthsOfR: 11 },
    });
    expect(courtFee('2026-01-01').basis.source).toMatch(/1\.54 R/);
  });

  it('given a day before 1 October 2020, then no heavy fee either', () => {
    expect(() => heavyFee(NOK(100), 'business', '2020-09-30')).toThrow(RuleNotInForce);
    expect(heavyFee(NOK(100), 'business', '2020-10-01').amount).toBe(NOK(525));
  });

  it('given a claim that is not a whole, non-negative number of øre, then it refuses', () => {
    expect(() => lightFee(-1, 'consumer', '2025-01-01')).toThrow(RangeError);
    expect(() => heavyFee(100.5, 'consumer', '2025-01-01')).toThrow(RangeError);
  });

  it('given only the figures a quote recorded, then an audit recomputes the same amount', () => {
    for (const on of ['2021-01-01', '2026-02-01']) {
      for (const debtor of ['consumer', 'business'] as const) {
        for (const claim of [NOK(499), NOK(7_000), NOK(300_000)]) {
          for (const quote of [lightFee(claim, debtor, on), heavyFee(claim, debtor, on)]) {
            const f = quote.basis.figures as Record<string, number | string>;
            const tenths = f.debtor === 'business' ? 15n : 10n;
            const exact = BigInt(f.inkassosats) * BigInt(f.satsHundredths) * BigInt(f.multiplier) * tenths;
            expect(quote.amount).toBe(Number((exact * 2n + 1000n) / 2000n));
          }
        }
      }
    }
  });
});
