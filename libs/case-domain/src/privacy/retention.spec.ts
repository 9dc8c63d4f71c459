import * as fc from 'fast-check';
import { addDays } from '../time/dates';
import { latestClosureErasableOn, retentionEndsOn, RETENTION_YEARS } from './retention';

describe('how long a closed case keeps its personal data', () => {
  it('given a case closed in 2026, then its data is kept to the end of 2031 and may be erased on 1 January 2032', () => {
    expect(retentionEndsOn('2026-01-01')).toBe('2032-01-01');
    expect(retentionEndsOn('2026-06-15')).toBe('2032-01-01');
    expect(retentionEndsOn('2026-12-31')).toBe('2032-01-01');
  });

  it('given another period, then the end of the accounting year moves with it', () => {
    expect(retentionEndsOn('2026-06-15', 10)).toBe('2037-01-01');
    expect(retentionEndsOn('2026-06-15', 0)).toBe('2027-01-01');
  });

  it('is never earlier than the years after closure, nor than the years after the accounting year', () => {
    const dates = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 12 }), (closedOn, years) => {
        const ends = retentionEndsOn(closedOn, years);
        expect(ends > `${Number(closedOn.slice(0, 4)) + years}-12-31`).toBe(true);
        expect(ends > `${Number(closedOn.slice(0, 4)) + years}${closedOn.slice(4)}`).toBe(true);
      }),
    );
  });

  it('lets a retention run on a day erase exactly the cases whose retention ended by that day', () => {
    const dates = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: 0, max: 12 }), (closedOn, today, years) => {
        expect(closedOn <= latestClosureErasableOn(today, years)).toBe(retentionEndsOn(closedOn, years) <= today);
      }),
      { numRuns: 2000 },
    );
  });

  it('defaults to the five years of bokføringsloven § 13', () => {
    expect(RETENTION_YEARS).toBe(5);
  });
});
