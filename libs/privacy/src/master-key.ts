import { createHash } from 'node:crypto';
import { decryptBytes, encryptBytes, SealedValueRejected } from './cipher';

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The 32-byte master key from configuration, as 64 hex digits or base64 (standard or URL-safe). */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  if (HEX.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  // Never echo the text: it may be a real key with a typo.
  throw new Error(
    `The master key must be exactly 32 bytes, given as 64 hex digits or 44 base64 characters (got ${trimmed.length} characters)`,
  );
}

/** Names a master key without revealing it, so a row says which key wrapped it. */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256').update(masterKey).digest('hex').slice(0, 8);
}

// The subject is bound in, so a wrapped key copied onto another subject's row does not unwrap.
const aadOf = (subjectId: string): string => `pd-subject-key:${subjectId}`;

/** A subject key encrypted under the master key, as `iv.ct.tag` in base64. */
export function wrapKey(subjectKey: Buffer, masterKey: Buffer, subjectId: string): string {
  const { iv, ct, tag } = encryptBytes(subjectKey, masterKey, aadOf(subjectId));
  return [iv, ct, tag].map((part) => part.toString('base64')).join('.');
}

export function unwrapKey(wrapped: string, masterKey: Buffer, subjectId: string): Buffer {
  const [iv, ct, tag, ...rest] = wrapped.split('.').map((part) => Buffer.from(part, 'base64'));
  const corrupt = new Error(`The stored key of subject ${subjectId} is corrupt or was tampered with`);
  if (!iv || !ct || !tag || rest.length > 0) throw corrupt;
  try {
    const key = decryptBytes({ iv, ct, tag }, masterKey, aadOf(subjectId));
    if (key.length !== 32) throw corrupt;
    return key;
  } catch (error) {
    if (error instanceof SealedValueRejected) throw corrupt;
    throw error;
  }
}
