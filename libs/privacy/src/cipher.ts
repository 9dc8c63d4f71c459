import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

/**
 * A personal value at rest: AES-256-GCM of its JSON, as one base64 string of IV, ciphertext and
 * tag under the `$pd1` marker (the 1 is the format's version). One short string keeps stored
 * events small and quick to parse: a handover seals four values.
 */
export interface SealedValue {
  $pd1: string;
}

/** A sealed value that cannot be opened: wrong key, moved to another subject or field, or altered. */
export class SealedValueRejected extends Error {
  constructor(readonly aad: string) {
    super(`Sealed value for "${aad}" failed authentication: wrong key, wrong subject or field, or tampered with`);
    this.name = 'SealedValueRejected';
  }
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

// IVs come from a pool filled 4 KiB at a time: one call to the system's random source per 340
// values instead of one per value (a handover seals four). Each IV is still 12 fresh random bytes.
const ivPool = Buffer.alloc(IV_BYTES * 341);
let ivOffset = ivPool.length;

/** The next 12 random bytes of the pool: a view, to be copied out before the pool is refilled. */
function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

function checkKey(key: Buffer): void {
  // node:crypto would also refuse, but with "Invalid key length", which hides whose mistake it is.
  if (!Buffer.isBuffer(key) || key.length !== 32) throw new Error('An AES-256-GCM key must be exactly 32 bytes');
}

/** Encrypts bytes under a fresh random IV; shared by sealed values and wrapped subject keys. */
export function encryptBytes(plain: Buffer, key: Buffer, aad: string): { iv: Buffer; ct: Buffer; tag: Buffer } {
  const { iv, ct, tag } = encrypt(plain, key, aad);
  return { iv: Buffer.from(iv), ct, tag };
}

/** GCM under a fresh IV from the pool (`iv` is the pool's view: copy it before the next call). */
function encrypt(plain: Buffer | string, key: Buffer, aad: string): { iv: Buffer; ct: Buffer; tag: Buffer } {
  checkKey(key);
  const iv = freshIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = typeof plain === 'string' ? cipher.update(plain, 'utf8') : cipher.update(plain);
  // GCM is a stream mode: `final` adds no bytes, it only computes the tag.
  cipher.final();
  return { iv, ct, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates; throws SealedValueRejected rather than ever returning altered bytes. */
export function decryptBytes(parts: { iv: Buffer; ct: Buffer; tag: Buffer }, key: Buffer, aad: string): Buffer {
  checkKey(key);
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) throw new SealedValueRejected(aad);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ct), decipher.final()]);
  } catch {
    throw new SealedValueRejected(aad);
  }
}

export function isSealed(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return typeof (value as Record<string, unknown>).$pd1 === 'string' && Object.keys(value).length === 1;
}

/**
 * Encrypts any JSON value. The AAD (e.g. `${subjectId}:${fieldPath}`) is not stored: opening
 * needs the same one, so a sealed value copied to another subject or field will not open.
 */
export function seal(plaintext: unknown, key: Buffer, aad: string): SealedValue {
  const json = JSON.stringify(plaintext);
  if (json === undefined) throw new Error(`Cannot seal a value that is not JSON (for "${aad}")`);
  const { iv, ct, tag } = encrypt(json, key, aad);
  return { $pd1: Buffer.concat([iv, ct, tag], IV_BYTES + ct.length + TAG_BYTES).toString('base64') };
}

export function open(sealed: SealedValue, key: Buffer, aad: string): unknown {
  if (!isSealed(sealed)) throw new Error(`Not a sealed value (for "${aad}")`);
  const bytes = Buffer.from(sealed.$pd1, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueRejected(aad);
  const parts = {
    iv: bytes.subarray(0, IV_BYTES),
    ct: bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
  return JSON.parse(decryptBytes(parts, key, aad).toString('utf8'));
}
