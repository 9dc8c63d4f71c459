import { lateInterest } from '../../money/interest';
import { danishHolidays, deadlineAfter, isDanishLimitationDay, isWorkingDay } from '../../deadlines/working-days';
import { MORARENTE, MORARENTE_TABLE } from './tables';

const MORARENTE_TABLE_DK = { id: MORARENTE_TABLE, rows: MORARENTE };

describe('Danish public holidays (RULES-DK.md § 8)', () => {
  it('given 2023, then Great Prayer Day (Easter + 26, 5 May) is a holiday; from 2024 it is not', () => {
    expect(danishHolidays(2023).has('2023-05-05')).toBe(true);
    expect(danishHolidays(2024).has('2024-04-26')).toBe(false);
    expect(isWorkingDay('2024-04-26', danishHolidays)).toBe(true);
  });

  it('given 2025, then the holidays are those of the Danish calendar, without 1 or 17 May', () => {
    expect([...danishHolidays(2025)].sort()).toEqual([
      '2025-01-01',
      '2025-04-17', // Skærtorsdag
      '2025-04-18', // Langfredag
      '2025-04-20', // Påskedag
      '2025-04-21', // 2. påskedag
      '2025-05-29', // Kristi himmelfart
      '2025-06-08', // Pinsedag
      '2025-06-09', // 2. pinsedag
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(isWorkingDay('2025-05-01', danishHolidays)).toBe(true);
    expect(isWorkingDay('2025-05-01')).toBe(false); // Norway's 1 May
  });

  it('given a Danish deadline ending on Maundy Thursday 2025, then it rolls past Easter to Tuesday 22 April', () => {
    expect(deadlineAfter('2025-04-07T09:00:00.000Z', 10, true, danishHolidays)).toBe('2025-04-22T09:00:00.000Z');
  });

  it('given a limitation date on 5 Jun, 24 Dec or 31 Dec, then it is no day for limitation to end (forældelsesloven § 27 (2))', () => {
    expect(isWorkingDay('2025-06-05', danishHolidays)).toBe(true);
    expect(isDanishLimitationDay('2025-06-05')).toBe(false);
    expect(isDanishLimitationDay('2025-12-24')).toBe(false);
    expect(isDanishLimitationDay('2025-12-31')).toBe(false);
    expect(isDanishLimitationDay('2025-12-30')).toBe(true);
  });
});

describe('morarente (renteloven § 5: Nationalbanken + 8), by half-year', () => {
  it('given 1 000 DKK over H2 2024 into H1 2025, then each half-year at its rate, the derived one marked', () => {
    const accrual = lateInterest(1_000_00, '2024-12-30', '2025-01-02', MORARENTE_TABLE_DK);
    expect(accrual.table).toBe('DK-morarente');
    expect(accrual.periods).toEqual([
      // 1 day at 11.50 % (derived): 1 000 × 0.115 / 365 = 0.315 DKK; 2 days at 10.75 %: 0.589 DKK
      { from: '2024-12-31', to: '2024-12-31', ratePercentBp: 1150, days: 1, amount: 32, derived: true },
      { from: '2025-01-01', to: '2025-01-02', ratePercentBp: 1075, days: 2, amount: 59 },
    ]);
    expect(accrual.amount).toBe(90); // 31.507 + 58.904 = 90.41 øre, rounded once
  });

  it.each([
    ['2020-01-01', 805],
    ['2021-07-01', 765],
    ['2022-01-01', 755],
    ['2023-01-01', 990],
    ['2023-07-01', 1125],
    ['2024-01-01', 1175],
    ['2025-01-01', 1075],
    ['2025-07-01', 975],
  ])('given the half-year from %s, then the rate is %d basis points', (from, bp) => {
    const [period] = lateInterest(
      100_000_00,
      MORARENTE.find((r) => r.from === from)!.from,
      from,
      MORARENTE_TABLE_DK,
    ).periods;
    expect(period).toBeUndefined(); // no day after `from` up to `from`
    const accrual = lateInterest(365_000_00, dayBefore(from), from, MORARENTE_TABLE_DK);
    // 365 000 DKK for one day at r % is 10 × r DKK: the rate read back from the amount.
    expect(accrual.periods[0].ratePercentBp).toBe(bp);
    expect(accrual.amount).toBe(bp * 10);
  });

  it('given a day in 2026, then the carried-forward rate is marked unconfirmed', () => {
    const accrual = lateInterest(1_000_00, '2026-03-01', '2026-03-02', MORARENTE_TABLE_DK);
    expect(accrual.periods[0]).toMatchObject({ ratePercentBp: 975, unconfirmed: true });
  });

  it('given a day before 2020, then no rate is configured', () => {
    expect(() => lateInterest(1_000_00, '2019-12-30', '2020-01-02', MORARENTE_TABLE_DK)).toThrow(/2019-12-31/);
  });
});

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
}
