import { decodeRevisionCursor, encodeRevisionCursor, pageStart } from './revision-page';
import { ProblemException } from '../http/problem';

const CASE = '0b6f3c52-8f0e-4a1e-9d55-3f1c2a7b9e10';
const OTHER = '5d2e9a41-77c3-4b8a-a0f2-6c1d8e3b4a97';

describe('a cursor into the events of one case', () => {
  it('leads the next page to the revision after the last one shown', () => {
    expect(decodeRevisionCursor(encodeRevisionCursor(CASE, 100), CASE)).toBe(100);
    expect(decodeRevisionCursor(encodeRevisionCursor(CASE, 0), CASE)).toBe(0);
  });

  it('starts the first page at the case’s first event when there is no cursor', () => {
    expect(decodeRevisionCursor(undefined, CASE)).toBe(0);
    expect(decodeRevisionCursor('', CASE)).toBe(0);
  });

  it('is opaque: no revision or case id readable in the text', () => {
    const text = encodeRevisionCursor(CASE, 42);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text).not.toContain('42');
    expect(text).not.toContain(CASE);
  });

  it('cannot be replayed against another case', () => {
    expect(() => decodeRevisionCursor(encodeRevisionCursor(CASE, 5), OTHER)).toThrow(RangeError);
  });

  it.each([
    ['garbage', 'garbage'],
    ['JSON that is not a cursor', Buffer.from('[1,2]').toString('base64url')],
    ['a negative revision', Buffer.from(JSON.stringify({ v: -1, id: CASE })).toString('base64url')],
    ['a fractional revision', Buffer.from(JSON.stringify({ v: 1.5, id: CASE })).toString('base64url')],
    ['a revision as text', Buffer.from(JSON.stringify({ v: '7', id: CASE })).toString('base64url')],
    ['a revision past 2^53', Buffer.from(`{"v":${2n ** 60n},"id":"${CASE}"}`).toString('base64url')],
    ['a list cursor (sort value and case id)', Buffer.from(JSON.stringify({ v: 'x', id: CASE })).toString('base64url')],
  ])('refuses %s', (_, text) => {
    expect(() => decodeRevisionCursor(text, CASE)).toThrow(RangeError);
  });

  it('turns a cursor that is not ours into a 400 naming the cursor', () => {
    try {
      pageStart('garbage', CASE);
      throw new Error('accepted a garbage cursor');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    }
  });
});
