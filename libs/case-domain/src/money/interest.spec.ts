import * as fc from 'fast-check';
import { addDays } from '../time/dates';
import { lateInterest } from './interest';
import { RuleNotInForce } from './types';

describe('late-payment interest', () => {
  it('given 10 000 NOK for the 30 days of April 2025 at 12.5 %, then it is 102.74 NOK', () => {
    const accrual = lateInterest(10_000_00, '2025-03-31', '2025-04-30');
    expect(accrual.amount).toBe(102_74);
    expect(accrual.periods).toEqual([
      { from: '2025-04-01', to: '2025-04-30', ratePercentBp: 1250, days: 30, amount: 102_74 },
    ]);
  });

  it('given a span across 1 July, then each half-year is charged at its own rate', () => {
    const accrual = lateInterest(100_000_00, '2025-06-20', '2025-07-10');
    expect(accrual.periods.map((p) => [p.from, p.to, p.ratePercentBp, p.days])).toEqual([
      ['2025-06-21', '2025-06-30', 1250, 10],
      ['2025-07-01', '2025-07-10', 1225, 10],
    ]);
    expect(accrual.periods[1].unconfirmed).toBe(true);
    expect(accrual.amount).toBe(Math.round((100_000_00 * (1250 * 10 + 1225 * 10)) / (365 * 10_000)));
  });

  it('given a leap year, then 29 February is a day of interest like any other (actual/365)', () => {
    expect(lateInterest(365_000_00, '2024-02-28', '2024-03-01').periods[0].days).toBe(2);
  });

  it('given no time or no principal, then there is no interest', () => {
    expect(lateInterest(1_000_00, '2025-05-01', '2025-05-01').amount).toBe(0);
    expect(lateInterest(1_000_00, '2025-05-01', '2025-04-01').amount).toBe(0);
    expect(lateInterest(0, '2025-01-01', '2025-12-31').amount).toBe(0);
  });

  it('given a very large principal, then nothing is lost to floating point', () => {
    const amount = lateInterest(9_000_000_000_00, '2025-01-01', '2025-06-30').amount;
    expect(amount).toBe(Number((9_000_000_000_00n * 1250n * 180n * 2n + 3_650_000n) / (3_650_000n * 2n)));
  });

  it('given a day before the first configured rate, then it refuses rather than guess', () => {
    expect(() => lateInterest(1_000_00, '2013-12-01', '2014-01-31')).toThrow(RuleNotInForce);
  });

  it('given a claim due in 2022, then it accrues at the published rates of each half-year since (RULES.md § 2a)', () => {
    const accrual = lateInterest(1_000_00, '2022-06-02', '2023-01-10');
    expect(accrual.periods.map((p) => [p.from, p.to, p.ratePercentBp])).toEqual([
      ['2022-06-03', '2022-06-30', 850],
      ['2022-07-01', '2022-12-31', 925],
      ['2023-01-01', '2023-01-10', 1075],
    ]);
  });

  it('reaches back to 1 January 2014 with no gap and no overlap between half-years', () => {
    expect(lateInterest(1_000_00, '2013-12-31', '2026-12-31').periods.map((p) => p.from)).toHaveLength(26);
    expect(lateInterest(1_000_00, '2015-06-30', '2015-07-01').periods).toEqual([
      expect.objectContaining({ from: '2015-07-01', to: '2015-07-01', ratePercentBp: 900, days: 1 }),
    ]);
  });

  it('splitting a span anywhere changes the sum by at most an øre per split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_00 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 700 }),
        (principal, offset, length) => {
          const from = addDays('2023-01-01', offset);
          const to = addDays(from, length);
          const split = addDays(from, Math.floor(length / 2));
          const whole = lateInterest(principal, from, to).amount;
          const parts = lateInterest(principal, from, split).amount + lateInterest(principal, split, to).amount;
          expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('late-payment interest at the edges', () => {
  it('given a span across 1 January, then the old year ends at its rate and the new half-year starts at its own', () => {
    const accrual = lateInterest(100_000_00, '2025-12-21', '2026-01-10');
    expect(accrual.periods.map((p) => [p.from, p.to, p.ratePercentBp, p.days])).toEqual([
      ['2025-12-22', '2025-12-31', 1225, 10],
      ['2026-01-01', '2026-01-10', 1200, 10],
    ]);
    // 10 000 000 øre × (1225 × 10 + 1200 × 10) / 3 650 000 = 66 438.36 øre
    expect(accrual.amount).toBe(66_438);
  });

  it('given the whole leap year 2024, then its 366 days each earn 1/365 of the yearly rate', () => {
    const accrual = lateInterest(1_000_000_00, '2023-12-31', '2024-12-31');
    expect(accrual.periods.map((p) => p.days)).toEqual([182, 184]);
    // 100 000 000 × 1250 × 366 / 3 650 000 = 12 534 246.58 øre: a little more than 12.5 %
    expect(accrual.amount).toBe(12_534_247);
  });

  it('given an exact half øre, then it rounds up; just under half rounds down', () => {
    // 146 × 1250 × 10 / 3 650 000 = 0.5 exactly; 145 gives 0.4966
    expect(lateInterest(146, '2025-01-01', '2025-01-11').amount).toBe(1);
    expect(lateInterest(145, '2025-01-01', '2025-01-11').amount).toBe(0);
  });

  it('given a principal that is not a whole, non-negative number of øre, then it refuses', () => {
    expect(() => lateInterest(-1, '2025-01-01', '2025-02-01')).toThrow(RangeError);
    expect(() => lateInterest(10.5, '2025-01-01', '2025-02-01')).toThrow(RangeError);
  });
});
