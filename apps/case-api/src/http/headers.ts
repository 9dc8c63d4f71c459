import { Problems } from './problem';

/** What a route sets on its answer besides the body (Fastify's reply, seen only through this). */
export interface ReplyHead {
  code(status: number): unknown;
  header(name: string, value: string): unknown;
}

/** If-Match carries the stream revision the client last saw: `W/"7"`, `"7"` or `7`. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = header.trim().match(/^(?:W\/)?"?(\d{1,19})"?$/);
  if (!match) {
    throw Problems.invalid('If-Match must be a case revision, as given in the ETag.', [
      { field: 'If-Match', messages: ['not a revision'] },
    ]);
  }
  return BigInt(match[1]);
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw Problems.invalid('Idempotency-Key must be 1 to 200 visible ASCII characters.', [
      { field: 'Idempotency-Key', messages: ['invalid'] },
    ]);
  }
  return header;
}

/**
 * A weak ETag: the revision says when the case last changed, but the body also carries interest
 * brought up to today, which changes day by day while the revision does not.
 */
export const etagOf = (revision: bigint | 'no_stream') => `W/"${revision === 'no_stream' ? -1 : revision}"`;
