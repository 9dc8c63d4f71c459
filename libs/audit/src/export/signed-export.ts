import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { RecordedEvent } from '@app/event-store';
import { RecordedEventShape, checkChain, verifyCaseEvents } from '../verification/verify-case';

/**
 * A case's whole history as a signed document an auditor can take away and check offline: the
 * events as stored (personal values stay sealed, so the document can leave the building and the
 * chain still hashes), the verification at export time, and an Ed25519 signature over the
 * canonical JSON of all of it, with the public key that checks it.
 */
export const EXPORT_FORMAT = 'case-export/1';

export interface ExportedEvent {
  revision: string;
  position: string;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

export interface CaseExport {
  format: typeof EXPORT_FORMAT;
  caseId: string;
  streamId: string;
  exportedAt: string;
  events: ExportedEvent[];
  verification: ReturnType<typeof verifyCaseEvents>;
  signature: { algorithm: 'Ed25519'; publicKey: string; value: string };
}

const signedPart = (doc: Omit<CaseExport, 'signature'>) => Buffer.from(stringify(doc)!);

export function buildExport(
  caseId: string,
  stored: readonly RecordedEvent[],
  exportedAt: string,
  key: KeyObject,
): CaseExport {
  const unsigned: Omit<CaseExport, 'signature'> = {
    format: EXPORT_FORMAT,
    caseId,
    streamId: stored[0]?.streamId ?? `case-${caseId}`,
    exportedAt,
    events: stored.map((e) => ({
      revision: String(e.revision),
      position: `${e.position.commit}/${e.position.prepare}`,
      id: e.id,
      type: e.type,
      data: e.data,
      metadata: e.metadata as Record<string, unknown>,
      recordedAt: e.created,
    })),
    verification: verifyCaseEvents(caseId, stored),
  };
  const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
  const value = sign(null, signedPart(unsigned), key).toString('base64');
  return { ...unsigned, signature: { algorithm: 'Ed25519', publicKey, value } };
}

export interface ExportCheck {
  valid: boolean;
  problems: string[];
  /** The key that signed it (base64 SPKI DER): whether it is the agency's is for the reader to compare. */
  signedBy: string | null;
}

/**
 * Checks an export offline: the signature over everything but itself, with the embedded key or
 * the one the auditor pinned (`expectedPublicKey`), then the chain of the events it carries.
 */
export function checkExport(doc: unknown, expectedPublicKey?: string): ExportCheck {
  const problems: string[] = [];
  const d = doc as Partial<CaseExport>;
  if (!d || d.format !== EXPORT_FORMAT || !Array.isArray(d.events) || !d.signature)
    return { valid: false, problems: [`not a ${EXPORT_FORMAT} document`], signedBy: null };
  const { signature, ...unsigned } = d as CaseExport;
  if (expectedPublicKey && expectedPublicKey !== signature.publicKey)
    problems.push('signed with another key than the one expected');
  let signed = false;
  try {
    const key = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
    signed = verify(null, signedPart(unsigned), key, Buffer.from(signature.value, 'base64'));
  } catch (error) {
    problems.push(`the signature cannot be checked: ${(error as Error).message}`);
  }
  if (!signed) problems.push('the signature does not match the document: it was altered after it was signed');
  const chain = checkChain(d.events.map(recordedOf(d.streamId ?? '')));
  if (chain.firstBroken)
    problems.push(`chain broken at revision ${chain.firstBroken.revision}: ${chain.firstBroken.reason}`);
  return { valid: problems.length === 0, problems, signedBy: signature.publicKey };
}

const recordedOf =
  (streamId: string) =>
  (e: ExportedEvent): RecordedEventShape => ({
    streamId,
    revision: BigInt(e.revision),
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    created: e.recordedAt,
  });
