import { randomBytes } from 'node:crypto';
import { isSealed, open, seal, SealedValueRejected, type SealedValue } from '../src';

const key = randomBytes(32);

/** Flips one bit of a base64 field, as an attacker or a corrupted disk would. */
function flip(sealed: SealedValue, field: 'ct' | 'tag' | 'iv'): SealedValue {
  const bytes = Buffer.from(sealed[field], 'base64');
  bytes[0] ^= 0x01;
  return { ...sealed, [field]: bytes.toString('base64') };
}

describe('cipher', () => {
  it.each([['Kari Nordmann'], [{ email: 'kari@example.no', phone: '+47 912 34 567' }], [42], [[1, 'two']], [null]])(
    'opens what it sealed: %j',
    (value) => {
      const sealed = seal(value, key, 'debtor-1:debtor.name');
      expect(isSealed(sealed)).toBe(true);
      expect(open(sealed, key, 'debtor-1:debtor.name')).toEqual(value);
    },
  );

  it('is a plain JSON object with the marker, and survives a JSON round trip', () => {
    const sealed = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    expect(Object.keys(sealed).sort()).toEqual(['$pd', 'ct', 'iv', 'tag']);
    expect(sealed.$pd).toBe(1);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    const reread = JSON.parse(JSON.stringify(sealed));
    expect(open(reread, key, 'debtor-1:debtor.name')).toBe('Kari Nordmann');
  });

  it('does not contain the plaintext, and never seals the same value the same way twice', () => {
    const a = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    const b = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    const text = JSON.stringify(a);
    expect(text).not.toContain('Kari');
    expect(text).not.toContain(Buffer.from('Kari Nordmann').toString('base64'));
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses another subject, another field, or another key', () => {
    const sealed = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    expect(() => open(sealed, key, 'debtor-2:debtor.name')).toThrow(SealedValueRejected);
    expect(() => open(sealed, key, 'debtor-1:debtor.contact')).toThrow(SealedValueRejected);
    expect(() => open(sealed, randomBytes(32), 'debtor-1:debtor.name')).toThrow(SealedValueRejected);
  });

  it.each(['ct', 'tag', 'iv'] as const)('detects a tampered %s with a clear error', (field) => {
    const sealed = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    expect(() => open(flip(sealed, field), key, 'debtor-1:debtor.name')).toThrow(
      /failed authentication: wrong key, wrong subject or field, or tampered with/,
    );
  });

  it('detects a truncated tag', () => {
    const sealed = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    const short = { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 8).toString('base64') };
    expect(() => open(short, key, 'debtor-1:debtor.name')).toThrow(SealedValueRejected);
  });

  it('refuses keys that are not 32 bytes and values that are not JSON', () => {
    expect(() => seal('x', randomBytes(16), 'a')).toThrow(/32 bytes/);
    expect(() => seal(undefined, key, 'a')).toThrow(/not JSON/);
  });

  it('recognises only sealed values', () => {
    expect(isSealed({ $pd: 1, iv: 'a', ct: 'b', tag: 'c' })).toBe(true);
    for (const value of ['[erased]', null, 1, [], { $pd: 2, iv: 'a', ct: 'b', tag: 'c' }, { $pd: 1, iv: 'a' }]) {
      expect(isSealed(value)).toBe(false);
    }
  });
});
