import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { parseAsOf, timeOfRecorded, withinAsOf, type AsOf } from '@app/audit';
import type { EventStore } from '@app/event-store';
import { Problems } from '../http/problem';
import { RevisionPageQuery } from '../read/revision-page';

const AS_OF_DESCRIPTION =
  'The case as it stood then: a revision (12), a date (2025-04-01, to the end of that day in Oslo) or an instant with its offset';

export class AsOfQuery {
  @ApiPropertyOptional({ description: AS_OF_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;
}

export class RevisionPageAsOfQuery extends RevisionPageQuery {
  @ApiPropertyOptional({ description: AS_OF_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;
}

/** The bound a client asked for; one it wrote wrong is its error (400 naming `asOf`). */
export function asOfFrom(text: string | undefined): AsOf | null {
  if (text === undefined) return null;
  try {
    return parseAsOf(text);
  } catch (error) {
    const message = (error as Error).message;
    throw Problems.invalid(message, [{ field: 'asOf', messages: [message] }]);
  }
}

/**
 * The last revision of a case within the bound (-1 when the case did not exist then), for the
 * pages that list events: a bound in time is resolved on the stream, the one record of when.
 */
export async function lastRevisionWithin(store: EventStore, stream: string, bound: AsOf): Promise<number> {
  if (bound.kind === 'revision') return Number(bound.revision);
  const events = await store.readStream(stream);
  const within = withinAsOf(events, bound, (e) => ({ revision: e.revision, time: timeOfRecorded(e) }));
  const last = within[within.length - 1];
  return last ? Number(last.revision) : -1;
}
