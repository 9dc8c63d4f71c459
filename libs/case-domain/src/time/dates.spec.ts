import { dateOf } from './dates';

const oslo = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The Oslo date as Intl gives it, asked afresh every time. */
const osloDate = (ms: number) => oslo.format(new Date(ms));

describe('the Norwegian date of an instant', () => {
  it('given every quarter of an hour of 2026 (both changes of summer time), then it is the date in Oslo', () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const wrong: string[] = [];
    for (let ms = start; ms < Date.parse('2027-01-01T00:00:00.000Z'); ms += 15 * 60_000) {
      // Each instant asked twice: the second answer comes from what the first remembered.
      const instant = new Date(ms).toISOString();
      const [first, second] = [dateOf(instant), dateOf(instant)];
      if (first !== osloDate(ms) || second !== first) wrong.push(`${instant}: ${first}, ${second}`);
    }
    expect(wrong).toEqual([]);
  });

  it('given the last millisecond before and the first after Oslo midnight, then the day changes between them', () => {
    expect(dateOf('2026-03-28T22:59:59.999Z')).toBe('2026-03-28'); // winter: midnight is 23:00 UTC
    expect(dateOf('2026-03-28T23:00:00.000Z')).toBe('2026-03-29');
    expect(dateOf('2026-07-01T21:59:59.999Z')).toBe('2026-07-01'); // summer: 22:00 UTC
    expect(dateOf('2026-07-01T22:00:00.000Z')).toBe('2026-07-02');
  });

  it('given an instant with an offset, then it is read as the same moment', () => {
    expect(dateOf('2026-07-02T00:30:00+02:00')).toBe('2026-07-02');
    expect(dateOf('2026-07-01T23:30:00-01:00')).toBe('2026-07-02');
  });

  it('given no instant at all, then it refuses rather than remembering a date', () => {
    expect(() => dateOf('not a time')).toThrow(RangeError);
  });
});
