import { randomBytes } from 'node:crypto';
import { countClearFields, ERASED, isSealed, openFields, SealedValueRejected, sealFields } from '../src';

const PATHS = ['debtor.name', 'debtor.contact', 'disputedBeforeHandover.debtorStatement', 'lines[].description'];
const key = randomBytes(32);

function caseOpened() {
  return {
    caseId: 'case-1',
    debtor: { id: 'debtor-1', kind: 'person', name: 'Kari Nordmann', contact: { email: 'kari@example.no' } },
    disputedBeforeHandover: { at: '2026-11-01', debtorStatement: 'I never received the goods.' },
    lines: [
      { amount: 1000, description: 'Sofa, delivered to Storgata 1' },
      { amount: 250, description: null },
      { amount: 99, description: 'Delivery' },
    ],
    principal: 1349,
  };
}

describe('sealed fields', () => {
  it('seals every present path, leaves the rest, and opens back to the original', () => {
    const data = caseOpened();
    const sealed = sealFields(data, PATHS, 'debtor-1', key);
    expect(isSealed(sealed.debtor.name)).toBe(true);
    expect(isSealed(sealed.debtor.contact)).toBe(true);
    expect(isSealed(sealed.disputedBeforeHandover.debtorStatement)).toBe(true);
    expect(isSealed(sealed.lines[0].description)).toBe(true);
    expect(sealed.lines[1].description).toBeNull();
    expect(isSealed(sealed.lines[2].description)).toBe(true);
    expect(sealed.debtor.id).toBe('debtor-1');
    expect(sealed.lines.map((l) => l.amount)).toEqual([1000, 250, 99]);
    expect(openFields(sealed, PATHS, 'debtor-1', key)).toEqual(caseOpened());
  });

  it('returns copies and leaves the input as it was', () => {
    const data = caseOpened();
    const sealed = sealFields(data, PATHS, 'debtor-1', key);
    expect(data).toEqual(caseOpened());
    openFields(sealed, PATHS, 'debtor-1', key);
    expect(isSealed(sealed.debtor.name)).toBe(true);
  });

  it('puts no plaintext in the sealed event', () => {
    const text = JSON.stringify(sealFields(caseOpened(), PATHS, 'debtor-1', key));
    for (const secret of ['Kari', 'kari@example.no', 'never received', 'Storgata', 'Delivery']) {
      expect(text).not.toContain(secret);
    }
  });

  it('skips absent and null paths', () => {
    const data = { debtor: { id: 'debtor-1', name: 'Kari', contact: null } };
    const sealed = sealFields(data, PATHS, 'debtor-1', key);
    expect(sealed.debtor.contact).toBeNull();
    expect(sealed).not.toHaveProperty('disputedBeforeHandover');
    expect(sealed).not.toHaveProperty('lines');
  });

  it('does not seal a sealed value twice', () => {
    const once = sealFields(caseOpened(), PATHS, 'debtor-1', key);
    const twice = sealFields(once, PATHS, 'debtor-1', key);
    expect(twice).toEqual(once);
  });

  it('shows ERASED at every sealed path when the key is gone, and nothing else changes', () => {
    const erased = openFields(sealFields(caseOpened(), PATHS, 'debtor-1', key), PATHS, 'debtor-1', null);
    expect(ERASED).toBe('[erased]');
    expect(erased).toEqual({
      ...caseOpened(),
      debtor: { id: 'debtor-1', kind: 'person', name: ERASED, contact: ERASED },
      disputedBeforeHandover: { at: '2026-11-01', debtorStatement: ERASED },
      lines: [
        { amount: 1000, description: ERASED },
        { amount: 250, description: null },
        { amount: 99, description: ERASED },
      ],
    });
  });

  it('will not open a sealed value moved to another field or subject', () => {
    const sealed = sealFields(caseOpened(), PATHS, 'debtor-1', key);
    const moved = { ...sealed, debtor: { ...sealed.debtor, name: sealed.debtor.contact } };
    expect(() => openFields(moved, PATHS, 'debtor-1', key)).toThrow(SealedValueRejected);
    expect(() => openFields(sealed, PATHS, 'debtor-2', key)).toThrow(SealedValueRejected);
  });

  it('passes clear values from before encryption through, and counts them', () => {
    const legacy = caseOpened();
    expect(openFields(legacy, PATHS, 'debtor-1', key)).toEqual(caseOpened());
    expect(openFields(legacy, PATHS, 'debtor-1', null)).toEqual(caseOpened());
    // name, contact, statement and two non-null line descriptions.
    expect(countClearFields(legacy, PATHS)).toBe(5);
    const partly = sealFields(legacy, ['debtor.name', 'lines[].description'], 'debtor-1', key);
    expect(countClearFields(partly, PATHS)).toBe(2);
    expect(openFields(partly, PATHS, 'debtor-1', null)).toMatchObject({
      debtor: { name: ERASED, contact: { email: 'kari@example.no' } },
      disputedBeforeHandover: { debtorStatement: 'I never received the goods.' },
    });
    expect(countClearFields(sealFields(legacy, PATHS, 'debtor-1', key), PATHS)).toBe(0);
  });

  it('counts a frozen event without touching it', () => {
    const frozen = Object.freeze({ debtor: Object.freeze({ name: 'Kari' }) });
    expect(countClearFields(frozen, PATHS)).toBe(1);
  });

  it('seals whole arrays and array elements', () => {
    const data = { aliases: ['K. Nordmann', 'Kari N.'], phones: ['+47 1', null] };
    const sealed = sealFields(data, ['aliases', 'phones[]'], 'd', key);
    expect(isSealed(sealed.aliases)).toBe(true);
    expect(isSealed(sealed.phones[0])).toBe(true);
    expect(sealed.phones[1]).toBeNull();
    expect(openFields(sealed, ['aliases', 'phones[]'], 'd', key)).toEqual(data);
  });

  it('refuses malformed paths', () => {
    expect(() => sealFields({}, ['debtor..name'], 'd', key)).toThrow(/Invalid field path/);
    expect(() => sealFields({}, ['lines[0].description'], 'd', key)).toThrow(/Invalid field path/);
  });
});

describe('sealed fields of an erased subject', () => {
  it('read as erased wherever they are, also the values written in clear before encryption', () => {
    const partly = sealFields(caseOpened(), ['debtor.name'], 'debtor-1', key);
    const erased = openFields(partly, PATHS, 'debtor-1', 'erased', '<gone>');
    expect(erased.debtor).toEqual({ id: 'debtor-1', kind: 'person', name: '<gone>', contact: '<gone>' });
    expect(erased.disputedBeforeHandover.debtorStatement).toBe('<gone>');
    expect(erased.lines.map((l) => l.description)).toEqual(['<gone>', null, '<gone>']);
    expect(erased.principal).toBe(1349);
  });
});

describe('copies on write', () => {
  it('returns the very same object when there is nothing to seal or open, and shares what it did not change', () => {
    const data = Object.freeze({ caseId: 'c', lines: Object.freeze([Object.freeze({ amount: 1 })]) });
    expect(openFields(data, PATHS, 'debtor-1', key)).toBe(data);
    expect(sealFields(data, PATHS, 'debtor-1', key)).toBe(data);
    const opened = caseOpened();
    const sealed = sealFields(opened, ['debtor.name'], 'debtor-1', key);
    expect(sealed).not.toBe(opened);
    expect(sealed.lines).toBe(opened.lines);
    expect(sealed.debtor.contact).toBe(opened.debtor.contact);
  });
});
