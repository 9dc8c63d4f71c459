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
