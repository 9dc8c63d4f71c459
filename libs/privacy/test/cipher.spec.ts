import { randomBytes } from 'node:crypto';
import { isSealed, open, seal, SealedValueRejected, type SealedValue } from '../src';

const key = randomBytes(32);

const IV = 12;
const TAG = 16;

/** Flips one bit of the IV, the ciphertext or the tag, as an attacker or a corrupted disk would. */
function flip(sealed: SealedValue, part: 'ct' | 'tag' | 'iv'): SealedValue {
  const bytes = Buffer.from(sealed.$pd1, 'base64');
  bytes[part === 'iv' ? 0 : part === 'ct' ? IV : bytes.length - TAG] ^= 0x01;
  return { $pd1: bytes.toString('base64') };
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

  it('is a plain JSON object with the marker, IV, ciphertext and tag in one string, and survives a JSON round trip', () => {
    const sealed = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    expect(Object.keys(sealed)).toEqual(['$pd1']);
    // The JSON of the value, with 12 bytes of IV before it and 16 of tag after.
    expect(Buffer.from(sealed.$pd1, 'base64')).toHaveLength(IV + JSON.stringify('Kari Nordmann').length + TAG);
    const reread = JSON.parse(JSON.stringify(sealed));
    expect(open(reread, key, 'debtor-1:debtor.name')).toBe('Kari Nordmann');
  });

  it('does not contain the plaintext, and never seals the same value the same way twice', () => {
    const a = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    const b = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    const text = JSON.stringify(a);
    expect(text).not.toContain('Kari');
    expect(text).not.toContain(Buffer.from('Kari Nordmann').toString('base64'));
    expect(a.$pd1.slice(0, 16)).not.toBe(b.$pd1.slice(0, 16));
    expect(a.$pd1).not.toBe(b.$pd1);
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

  it('detects a truncated value', () => {
    const sealed = seal('Kari Nordmann', key, 'debtor-1:debtor.name');
    const bytes = Buffer.from(sealed.$pd1, 'base64');
    for (const length of [bytes.length - 8, IV + TAG - 1, 0]) {
      const short = { $pd1: bytes.subarray(0, length).toString('base64') };
      expect(() => open(short, key, 'debtor-1:debtor.name')).toThrow(SealedValueRejected);
    }
  });

  it('refuses keys that are not 32 bytes and values that are not JSON', () => {
    expect(() => seal('x', randomBytes(16), 'a')).toThrow(/32 bytes/);
    expect(() => seal(undefined, key, 'a')).toThrow(/not JSON/);
  });

  it('recognises only sealed values', () => {
    expect(isSealed({ $pd1: 'AAAA' })).toBe(true);
    for (const value of ['[erased]', null, 1, [], { $pd1: 2 }, { $pd1: 'AAAA', name: 'x' }, { $pd: 1, iv: 'a' }]) {
      expect(isSealed(value)).toBe(false);
    }
  });
});
