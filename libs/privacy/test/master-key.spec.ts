import { randomBytes } from 'node:crypto';
import { masterKeyId, parseMasterKey } from '../src';
import { unwrapKey, wrapKey } from '../src/master-key';

describe('master key', () => {
  const bytes = randomBytes(32);

  it('accepts 32 bytes as hex, base64 or URL-safe base64', () => {
    expect(parseMasterKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseMasterKey(bytes.toString('hex').toUpperCase())).toEqual(bytes);
    expect(parseMasterKey(`  ${bytes.toString('base64')}\n`)).toEqual(bytes);
    expect(parseMasterKey(bytes.toString('base64url'))).toEqual(bytes);
  });

  it.each([
    ['16 bytes of hex', randomBytes(16).toString('hex')],
    ['33 bytes of base64', randomBytes(33).toString('base64')],
    ['not an encoding', 'correct horse battery staple'],
    ['empty', ''],
  ])('refuses %s with a clear error that does not echo it', (_, text) => {
    expect(() => parseMasterKey(text)).toThrow(/exactly 32 bytes, given as 64 hex digits or 44 base64/);
    try {
      parseMasterKey(text);
    } catch (error) {
      if (text) expect((error as Error).message).not.toContain(text);
    }
  });

  it('names a key by a short digest that differs between keys', () => {
    expect(masterKeyId(bytes)).toMatch(/^[0-9a-f]{8}$/);
    expect(masterKeyId(bytes)).toBe(masterKeyId(Buffer.from(bytes)));
    expect(masterKeyId(randomBytes(32))).not.toBe(masterKeyId(bytes));
  });

  it('wraps a subject key so only the same master key and subject unwrap it', () => {
    const subjectKey = randomBytes(32);
    const wrapped = wrapKey(subjectKey, bytes, 'debtor-1');
    expect(wrapped).not.toContain(subjectKey.toString('base64'));
    expect(unwrapKey(wrapped, bytes, 'debtor-1')).toEqual(subjectKey);
    expect(() => unwrapKey(wrapped, bytes, 'debtor-2')).toThrow(/corrupt or was tampered with/);
    expect(() => unwrapKey(wrapped, randomBytes(32), 'debtor-1')).toThrow(/corrupt or was tampered with/);
    expect(() => unwrapKey('garbage', bytes, 'debtor-1')).toThrow(/corrupt or was tampered with/);
  });
});
