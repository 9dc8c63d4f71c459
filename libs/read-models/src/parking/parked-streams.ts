import { serializePosition } from '@app/event-store';
import type { ReadDb, ReadStore } from '../db/connect';
import { TABLES, type ParkedStreamRow } from '../db/schema';
import type { EventFailure } from '../projection/case-run';

/** A case stream the projection stopped on, waiting for a fix and a retry. */
export interface ParkedStream {
  caseId: string;
  streamId: string;
  /** The failing event: its `$all` position, its revision in the stream and its type. */
  position: string;
  revision: number;
  eventType: string;
  error: string;
  parkedAt: string;
  failedAt: string;
  attempts: number;
}

const LIVE = TABLES.live.checkpoint;

/** The row that parks `caseId` at the event that failed. */
export function parkedRow(projection: string, caseId: string, failure: EventFailure, now: string): ParkedStreamRow {
  return {
    projection,
    case_id: caseId,
    stream_id: failure.event.streamId,
    position: serializePosition(failure.event.position),
    revision: Number(failure.event.revision),
    event_type: failure.event.type,
    error: failure.message,
    parked_at: now,
    failed_at: now,
    attempts: 1,
  };
}

export function toParkedStream(row: ParkedStreamRow): ParkedStream {
  return {
    caseId: row.case_id,
    streamId: row.stream_id,
    position: row.position,
    revision: Number(row.revision),
    eventType: row.event_type,
    error: row.error,
    parkedAt: row.parked_at,
    failedAt: row.failed_at,
    attempts: Number(row.attempts),
  };
}

/** The case ids a projection skips: read at the start of each batch, checked again at its commit. */
export async function parkedCaseIds(db: ReadDb, projection: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('rm_parked_streams')
    .select('case_id')
    .where('projection', '=', projection)
    .execute();
  return new Set(rows.map((r) => r.case_id));
}

/** The live projection's parked streams, oldest first. */
export async function listParked(
  read: ReadStore,
  options: { caseId?: string; limit?: number } = {},
): Promise<ParkedStream[]> {
  let query = read.db.selectFrom('rm_parked_streams').selectAll().where('projection', '=', LIVE);
  if (options.caseId) query = query.where('case_id', '=', options.caseId);
  if (options.limit) query = query.limit(options.limit);
  const rows = await query.orderBy('parked_at').orderBy('case_id').execute();
  return rows.map(toParkedStream);
}

export async function countParked(read: ReadStore): Promise<number> {
  const row = await read.db
    .selectFrom('rm_parked_streams')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('projection', '=', LIVE)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
