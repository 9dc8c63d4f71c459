import { randomBytes } from 'node:crypto';
import {
  ERASED,
  hasPersonalTokens,
  personalToken,
  revealTokens,
  seal,
  SealedValueRejected,
  tokenSubjects,
} from '../src';

const key = randomBytes(32);
const sealedName = (subject: string) => seal('Kari Nordmann', key, `${subject}:debtor.name`);

describe('personal tokens in stored text', () => {
  it('hold no plaintext of a sealed value, and reveal it with the key', () => {
    const token = personalToken('debtor-1', 'debtor.name', sealedName('debtor-1'));
    const text = `Claim INV-1 against ${token}, 2 line(s).`;
    expect(text).not.toContain('Kari');
    expect(hasPersonalTokens(text)).toBe(true);
    expect([...tokenSubjects(text)]).toEqual([['debtor-1', { sealed: true }]]);
    expect(revealTokens(text, () => key)).toBe('Claim INV-1 against Kari Nordmann, 2 line(s).');
  });

  it('read as erased when the subject is erased or its key is gone', () => {
    const text = `against ${personalToken('debtor-1', 'debtor.name', sealedName('debtor-1'))}.`;
    expect(revealTokens(text, () => 'erased')).toBe(`against ${ERASED}.`);
    expect(revealTokens(text, () => null)).toBe(`against ${ERASED}.`);
  });

  it('carry values written in clear before encryption, which read as erased once their subject is', () => {
    const text = `"${personalToken('debtor-2', 'debtorStatement', 'Never ordered: ⟧ "quoted"')}" and more`;
    expect(revealTokens(text, () => null)).toBe('"Never ordered: ⟧ "quoted"" and more');
    expect(revealTokens(text, () => 'erased')).toBe(`"${ERASED}" and more`);
  });

  it('each name their own subject, so several subjects in one text are revealed each with its own access', () => {
    const subjects = ['debtor-1', 'debtør 2:with/odd=chars'];
    const text = subjects.map((s) => personalToken(s, 'debtor.name', sealedName(s))).join(' & ');
    expect([...tokenSubjects(text).keys()]).toEqual(subjects);
    const mixed = `${text} ${personalToken(subjects[0], 'summary', 'in clear')} ${personalToken('d-3', 'summary', 'clear')}`;
    expect(tokenSubjects(mixed).get(subjects[0])).toEqual({ sealed: true });
    expect(tokenSubjects(mixed).get('d-3')).toEqual({ sealed: false });
    expect(revealTokens(text, (s) => (s === subjects[0] ? key : 'erased'))).toBe(`Kari Nordmann & ${ERASED}`);
  });

  it('will not reveal a sealed value under another subject or field', () => {
    const moved = personalToken('debtor-2', 'debtor.name', sealedName('debtor-1'));
    expect(() => revealTokens(moved, () => key)).toThrow(SealedValueRejected);
    const other = personalToken('debtor-1', 'summary', sealedName('debtor-1'));
    expect(() => revealTokens(other, () => key)).toThrow(SealedValueRejected);
  });

  it('leave text without tokens as it is', () => {
    const accessOf = jest.fn();
    expect(revealTokens('Payment of 100,00 kr.', accessOf)).toBe('Payment of 100,00 kr.');
    expect(accessOf).not.toHaveBeenCalled();
    expect(tokenSubjects('no tokens').size).toBe(0);
  });
});
