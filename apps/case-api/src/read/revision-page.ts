import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Problems } from '../http/problem';

/**
 * Paging through one case's events (history from the stream, timeline from the read model) in
 * revision order. A long-lived case has thousands of events; no response may carry them all.
 */
export const REVISION_PAGE = { default: 100, max: 500 } as const;
/** Lists of cases (the list, queues, the creditor's awaiting replies). */
export const LIST_PAGE = { default: 50, max: 200 } as const;

/** The query of a paged route: `limit` (bounded) and the `cursor` of the previous page. */
export function PageQueryOf(page: { default: number; max: number }) {
  class PageQuery {
    @ApiPropertyOptional({ minimum: 1, maximum: page.max, default: page.default })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(page.max)
    limit?: number;
    @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
    @IsOptional()
    @IsString()
    @MaxLength(500)
    cursor?: string;
  }
  return PageQuery;
}

export class RevisionPageQuery extends PageQueryOf(REVISION_PAGE) {}

/**
 * The cursor is opaque to clients, in the style of the list cursors (base64url JSON): the
 * revision the next page starts at, and the case it belongs to, so that a cursor of one case
 * cannot be replayed against another.
 */
export function encodeRevisionCursor(caseId: string, nextRevision: number): string {
  return Buffer.from(JSON.stringify({ v: nextRevision, id: caseId })).toString('base64url');
}

/** The revision a page starts at: 0 without a cursor; a RangeError for anything not ours. */
export function decodeRevisionCursor(text: string | undefined, caseId: string): number {
  if (!text) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const c = parsed as { v?: unknown; id?: unknown } | null;
  if (c && typeof c === 'object' && Number.isSafeInteger(c.v) && (c.v as number) >= 0 && c.id === caseId)
    return c.v as number;
  throw new RangeError('Not a cursor from this case’s pages.');
}

/** The revision a requested page starts at; a cursor that is not ours is the client's error (400). */
export function pageStart(cursor: string | undefined, caseId: string): number {
  try {
    return decodeRevisionCursor(cursor, caseId);
  } catch (error) {
    throw cursorProblem(error);
  }
}

/** A cursor not issued here is refused with a RangeError (by the read models too): the client's error. */
export function cursorProblem(error: unknown): unknown {
  return error instanceof RangeError
    ? Problems.invalid(error.message, [{ field: 'cursor', messages: [error.message] }])
    : error;
}
