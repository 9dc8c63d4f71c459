import { deadlineAfter, easterSunday, isWorkingDay, norwegianHolidays } from './working-days';

describe('working days and deadlines', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %d is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('knows the Norwegian public holidays of 2025, computed from Easter', () => {
    expect([...norwegianHolidays(2025)].sort()).toEqual([
      '2025-01-01',
      '2025-04-17',
      '2025-04-18',
      '2025-04-20',
      '2025-04-21',
      '2025-05-01',
      '2025-05-17',
      '2025-05-29',
      '2025-06-08',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('given a deadline on Maundy Thursday, then it moves past Easter to the Tuesday', () => {
    // 3 April 2025 + 14 days = Thursday 17 April; Good Friday, the weekend and Easter Monday follow.
    expect(deadlineAfter('2025-04-03T09:00:00.000Z', 14)).toBe('2025-04-22T09:00:00.000Z');
  });

  it('given a deadline on Christmas Day, then it moves past Boxing Day and the weekend to Monday', () => {
    expect(deadlineAfter('2025-12-11T09:00:00.000Z', 14)).toBe('2025-12-29T09:00:00.000Z');
  });

  it('given a deadline on a Saturday, then it moves to Monday; on a working day it stays', () => {
    expect(deadlineAfter('2025-03-01T09:00:00.000Z', 14)).toBe('2025-03-17T09:00:00.000Z');
    expect(deadlineAfter('2025-03-03T09:00:00.000Z', 14)).toBe('2025-03-17T09:00:00.000Z');
  });

  it('a rule that does not roll forward keeps the calendar day', () => {
    expect(deadlineAfter('2025-04-03T09:00:00.000Z', 14, false)).toBe('2025-04-17T09:00:00.000Z');
  });

  it('judges the day in Oslo: late evening UTC on a Friday is already Saturday in Norway', () => {
    expect(isWorkingDay('2025-03-07')).toBe(true);
    // 7 March 23:30 UTC is Saturday 00:30 in Oslo; 9 March 23:30 UTC is Monday 00:30 there.
    expect(deadlineAfter('2025-02-21T23:30:00.000Z', 14)).toBe('2025-03-09T23:30:00.000Z');
  });
});
