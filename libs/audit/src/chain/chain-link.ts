import * as crypto from 'node:crypto';
import stringify from 'safe-stable-stringify';

/**
 * Tamper evidence: each case event's metadata carries `chain`, the SHA-256 of its content (stream,
 * revision, id, type, data as stored, metadata but the link itself) together with the hash of the
 * event before it in its stream. Altering, deleting or swapping a stored event breaks the link at
 * that place. Hashed over what the store holds (sealed values as ciphertext), so erasing a debtor's
 * key changes nothing a link covers.
 */
export const CHAIN_KEY = 'chain';
export const CHAIN_VERSION = 1;

export interface ChainLink {
  v: number;
  /** The hash of the previous event of the stream (its link, or its content if it has none); null at revision 0. */
  prev: string | null;
  hash: string;
}

export interface ChainableEvent {
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** The link an event carries, computed from its content and the previous event's hash. */
export function linkOf(event: ChainableEvent, prev: string | null): ChainLink {
  const { [CHAIN_KEY]: _ignored, ...metadata } = event.metadata;
  const content = stringify({
    s: event.streamId,
    r: String(event.revision),
    id: event.id,
    t: event.type,
    d: event.data,
    m: metadata,
    p: prev,
  })!;
  return { v: CHAIN_VERSION, prev, hash: sha256(content) };
}

/** One-shot `crypto.hash` where Node has it (20.12+): a Hash object per event costs a tenth of a verification. */
const sha256: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => (crypto as unknown as { hash: (a: string, d: string, e: 'hex') => string }).hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** The link an event carries, or null for an event stored before the chain existed. */
export function storedLinkOf(event: { metadata: Record<string, unknown> }): ChainLink | null {
  const link = event.metadata[CHAIN_KEY] as Partial<ChainLink> | undefined;
  if (!link || typeof link !== 'object' || typeof link.hash !== 'string') return null;
  return { v: Number(link.v), prev: typeof link.prev === 'string' ? link.prev : null, hash: link.hash };
}

/**
 * The hash the next event of a stream links to: the last event's own link, or, for an event
 * stored before the chain, its content hashed as if it were the first, so the chain that starts
 * after it still covers it.
 */
export function headHashOf(last: ChainableEvent | undefined): string | null {
  if (!last) return null;
  return storedLinkOf(last)?.hash ?? linkOf(last, null).hash;
}

/** Adds links to events about to be appended at `firstRevision` after a head of `prev`. */
export function chained<E extends { id: string; type: string; data: unknown; metadata: Record<string, unknown> }>(
  streamId: string,
  firstRevision: bigint,
  prev: string | null,
  events: readonly E[],
): E[] {
  let head = prev;
  return events.map((e, i) => {
    const link = linkOf({ ...e, streamId, revision: firstRevision + BigInt(i) }, head);
    head = link.hash;
    return { ...e, metadata: { ...e.metadata, [CHAIN_KEY]: link } };
  });
}
