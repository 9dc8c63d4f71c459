/** An opaque keyset cursor: the sort value and case id of the last row a page showed. */
export interface Cursor {
  v: string | number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if ((typeof c.v === 'string' || typeof c.v === 'number') && typeof c.id === 'string') return c;
  } catch {
    // fall through
  }
  throw new RangeError('Not a cursor from this API.');
}

/**
 * A keyset page from rows fetched with `limit + 1`: the extra row only says that more follow,
 * and the cursor is the sort value and case id of the last row shown.
 */
export function keysetPage<R extends { case_id: string }>(
  rows: R[],
  limit: number,
  sortValue: (row: R) => string | number,
): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const more = rows.length > limit && last;
  return { items, nextCursor: more ? encodeCursor({ v: sortValue(last), id: last.case_id }) : null };
}
