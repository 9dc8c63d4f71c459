import { dayOfAsOf, parseAsOf, withinAsOf } from '@app/audit';

const events = [
  { revision: 0n, time: '2025-03-03T09:00:00.000Z' },
  { revision: 1n, time: '2025-03-03T22:30:00.000Z' }, // 23:30 in Oslo: still 3 March there
  { revision: 2n, time: '2025-03-04T08:00:00.000Z' },
];
const dated = (e: (typeof events)[number]) => e;

describe('asOf: the bound on a case history', () => {
  it('reads a revision, a date and an instant with its offset, and refuses anything else', () => {
    expect(parseAsOf('12')).toEqual({ kind: 'revision', revision: 12n });
    expect(parseAsOf('2025-03-03')).toEqual({ kind: 'date', date: '2025-03-03' });
    expect(parseAsOf('2025-03-03T10:00:00+01:00')).toEqual({ kind: 'instant', instant: '2025-03-03T09:00:00.000Z' });
    for (const bad of ['yesterday', '2025-02-30', '2025-03-03T10:00', '-1', ''])
      expect(() => parseAsOf(bad)).toThrow(RangeError);
  });

  it('given events recorded over two days, then each bound keeps the prefix recorded by then', () => {
    const revisions = (text: string) => withinAsOf(events, parseAsOf(text), dated).map((e) => e.revision);
    expect(revisions('1')).toEqual([0n, 1n]);
    expect(revisions('2025-03-03T09:00:00Z')).toEqual([0n]);
    expect(revisions('2025-03-03')).toEqual([0n, 1n]);
    expect(revisions('2025-03-02')).toEqual([]);
  });

  it('shows a revision as of the day it was recorded, a date or an instant as of its own day', () => {
    expect(dayOfAsOf(parseAsOf('1'), events[1])).toBe('2025-03-03');
    expect(dayOfAsOf(parseAsOf('2025-04-01T12:00:00Z'), events[2])).toBe('2025-04-01');
    expect(dayOfAsOf(parseAsOf('0'), undefined)).toBeNull();
  });
});
