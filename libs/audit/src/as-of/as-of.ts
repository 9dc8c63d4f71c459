import { dateOf, isCalendarDate, type CalendarDate } from '@app/case-domain';

/**
 * A bound on a case's history: up to a revision, up to an instant, or up to the end of a day (in
 * the legal time zone). The case "as it stood then" is the fold of the events within it.
 */
export type AsOf =
  { kind: 'revision'; revision: bigint } | { kind: 'instant'; instant: string } | { kind: 'date'; date: CalendarDate };

/** A stored event as far as a bound needs it: its revision and when it was recorded. */
export interface DatedEvent {
  revision: bigint;
  /** The command's clock (`metadata.occurredAt`), else the store's. */
  time: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `asOf` as a client writes it: a revision (digits), a date, or an ISO-8601 instant with its offset. */
export function parseAsOf(text: string): AsOf {
  const value = text.trim();
  if (/^\d{1,15}$/.test(value)) return { kind: 'revision', revision: BigInt(value) };
  if (isCalendarDate(value)) return { kind: 'date', date: value };
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
    return { kind: 'instant', instant: new Date(value).toISOString() };
  throw new RangeError(
    'asOf must be a revision (e.g. 12), a date (2025-04-01) or an instant with its offset (2025-04-01T12:00:00Z).',
  );
}

export function isWithin(bound: AsOf, e: DatedEvent): boolean {
  switch (bound.kind) {
    case 'revision':
      return e.revision <= bound.revision;
    case 'instant':
      return e.time <= bound.instant;
    case 'date':
      return dateOf(e.time) <= bound.date;
  }
}

/** The events of a stream (in order) up to the bound: a stream is recorded in order, so a prefix. */
export function withinAsOf<E>(events: readonly E[], bound: AsOf, dated: (e: E) => DatedEvent): E[] {
  const end = events.findIndex((e) => !isWithin(bound, dated(e)));
  return end === -1 ? [...events] : events.slice(0, end);
}

/**
 * The day the case is shown as of (interest accrues up to it, deadlines and allowed actions are
 * judged on it): the bound's own day, or for a revision, the day that event was recorded.
 */
export function dayOfAsOf(bound: AsOf, last: DatedEvent | undefined): CalendarDate | null {
  switch (bound.kind) {
    case 'revision':
      return last ? dateOf(last.time) : null;
    case 'instant':
      return dateOf(bound.instant);
    case 'date':
      return bound.date;
  }
}

/** When a stored event was recorded, by the command's clock where the command path wrote it. */
export function timeOfRecorded(e: {
  metadata: Record<string, unknown>;
  created?: string;
  recordedAt?: string;
}): string {
  const occurred = e.metadata.occurredAt;
  return typeof occurred === 'string' ? occurred : (e.created ?? e.recordedAt ?? '');
}
