import * as crypto from 'node:crypto';
import stringify from 'safe-stable-stringify';

/**
 * Tamper evidence: each case event's metadata carries `chain`, the SHA-256 of its content (stream,
 * revision, id, type, data as stored, metadata but the link itself) together with the hash of the
 * event before it in its stream. Altering, deleting or swapping a stored event breaks the link at
 * that place. Hashed over what the store holds (sealed values as ciphertext), so erasing a debtor's
 * key changes nothing a link covers.
 *
 * Two versions, told apart by the link's `v`, both verified for ever:
 * - v1 hashed the canonical JSON (sorted keys) of the content — a sort and a hand-written
 *   serialiser per event, a quarter of a verification's time;
 * - v2 (written since) hashes the JSON as the store holds it: `JSON.stringify` keeps key order,
 *   both adapters store exactly that text and hand back what parses from it, and re-serialising a
 *   parsed JSON text gives the text again — so the native serialiser, with no sort, reproduces
 *   the stored bytes. Stricter than v1 besides: reordering stored keys breaks a v2 link.
 */
export const CHAIN_KEY = 'chain';
export const CHAIN_VERSION = 2;
/** The versions verification knows; a link of another is a break (it cannot be checked). */
export const CHAIN_VERSIONS: readonly number[] = [1, 2];

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
export function linkOf(event: ChainableEvent, prev: string | null, v: number = CHAIN_VERSION): ChainLink {
  return { v, prev, hash: hashOf(event, prev, v) };
}

/** The JSON texts of an event's data and metadata as the store holds them, where the adapter gives them (SQLite). */
export interface StoredText {
  data: string;
  metadata: string;
}

/**
 * The hash a link of version `v` holds for the event after `prev`. Given the stored text (v2),
 * that is hashed as it is rather than serialised again: the same bytes for any event the store
 * wrote, and an edit of the text that would parse the same (a space, a reordered key) still
 * shows.
 */
export function hashOf(event: ChainableEvent, prev: string | null, v: number, text?: StoredText): string {
  if (v === 1) return sha256(canonicalContent(event, prev));
  if (v === 2) return sha256(storedContent(event, prev, text));
  throw new Error(`chain version ${v} is not known`);
}

function canonicalContent(event: ChainableEvent, prev: string | null): string {
  const { [CHAIN_KEY]: _ignored, ...metadata } = event.metadata;
  return stringify({
    s: event.streamId,
    r: String(event.revision),
    id: event.id,
    t: event.type,
    d: event.data,
    m: metadata,
    p: prev,
  })!;
}

/**
 * v2: the fields line by line — each a JSON text, which holds no raw line break, so no field can
 * spill into the next — data and metadata as stored, the link left out of the metadata without
 * copying it.
 */
function storedContent(event: ChainableEvent, prev: string | null, text?: StoredText): string {
  const link = event.metadata[CHAIN_KEY];
  const m = (text && storedMetadataWithoutLink(text.metadata, link)) ?? metadataWithoutLink(event.metadata, link);
  const d = text ? text.data : (JSON.stringify(event.data) ?? 'null');
  return `2\n${JSON.stringify(event.streamId)}\n${event.revision}\n${JSON.stringify(event.id)}\n${JSON.stringify(event.type)}\n${prev ?? ''}\n${d}\n${m}`;
}

/** The metadata serialised as the store serialised it, its link left out without copying it. */
function metadataWithoutLink(metadata: Record<string, unknown>, link: unknown): string {
  if (link === undefined) return JSON.stringify(metadata);
  if (!Object.isExtensible(metadata) || Object.isFrozen(metadata)) {
    const { [CHAIN_KEY]: _link, ...rest } = metadata;
    return JSON.stringify(rest);
  }
  // An undefined member is left out by JSON.stringify and keeps the others' order; put back at once.
  metadata[CHAIN_KEY] = undefined;
  try {
    return JSON.stringify(metadata);
  } finally {
    metadata[CHAIN_KEY] = link;
  }
}

/**
 * The stored metadata text without its link: the link is its last member (`chained` adds it
 * last), so the text less `"chain":<link>` at its end is the text the writer hashed. Null when the
 * text does not end so (the caller serialises the parsed metadata instead).
 */
function storedMetadataWithoutLink(stored: string, link: unknown): string | null {
  if (link === undefined) return stored;
  const tail = `"${CHAIN_KEY}":${JSON.stringify(link)}}`;
  if (!stored.endsWith(tail)) return null;
  const head = stored.slice(0, stored.length - tail.length);
  if (head === '{') return '{}';
  return head.endsWith(',') ? `${head.slice(0, -1)}}` : null;
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
 * after it still covers it. That content hash stays v1's: anchors written before v2 cover
 * unchained events by it.
 */
export function headHashOf(last: ChainableEvent | undefined): string | null {
  if (!last) return null;
  return storedLinkOf(last)?.hash ?? unchainedHashOf(last);
}

/** The content hash of an event stored before the chain existed. */
export function unchainedHashOf(event: ChainableEvent): string {
  return hashOf(event, null, 1);
}

/** Adds links to events about to be appended at `firstRevision` after a head of `prev`. */
export function chained<E extends { id: string; type: string; data: unknown; metadata: Record<string, unknown> }>(
  streamId: string,
  firstRevision: bigint,
  prev: string | null,
  events: readonly E[],
  v: number = CHAIN_VERSION,
): E[] {
  let head = prev;
  return events.map((e, i) => {
    const link = linkOf({ ...e, streamId, revision: firstRevision + BigInt(i) }, head, v);
    head = link.hash;
    return { ...e, metadata: { ...e.metadata, [CHAIN_KEY]: link } };
  });
}
