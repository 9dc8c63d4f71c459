import { caseEventOf, type EventOf } from '@app/case-domain';
import { parsePosition, serializePosition, type EventStore, type Position, type RecordedEvent } from '@app/event-store';
import type { BillingEvent } from '../contract/integration-events';
import { caseContextOf, toBillingEvents, type CaseContext } from '../contract/mapping';

/** A page of the feed: its events in log order, and the cursor to ask for the next page with. */
export interface FeedPage {
  events: BillingEvent[];
  /** Opaque to the consumer: hand it back as `after`. It may move on even when `events` is empty. */
  next: string;
  /** True when the page reached the end of the log (a consumer may then wait or long-poll). */
  caughtUp: boolean;
}

export interface FeedRead {
  /** A cursor from an earlier page; absent: from the beginning. */
  after?: string;
  limit: number;
  /** How long to wait for an event when there is none yet (0: answer at once). */
  waitMs?: number;
  signal?: AbortSignal;
}

/** A cursor the feed did not hand out. */
export class InvalidCursor extends Error {
  override readonly name = 'InvalidCursor';
}

export const FEED_START = 'start';
const CASE_STREAMS = { streamPrefixes: ['case-'] };
/** Internal events read per page at most: most are not billable, so a page may read many to fill. */
const SCAN_LIMIT = 5_000;
const CONTEXTS_KEPT = 10_000;

export function parseCursor(cursor: string | undefined): Position | 'start' {
  if (cursor === undefined || cursor === '' || cursor === FEED_START) return 'start';
  try {
    return parsePosition(cursor);
  } catch {
    throw new InvalidCursor(`"${cursor}" is not a cursor of this feed: use the "next" of a page, or leave it out.`);
  }
}

export const cursorOf = (position: Position | 'start') =>
  position === 'start' ? FEED_START : serializePosition(position);

/**
 * The billing feed over the event store's `$all`: the case events after a cursor, mapped to
 * billing events. Works the same on every adapter of the port (SQLite, EventStoreDB), since it
 * only reads `$all` after a position. A long-poll re-reads every `pollMs` until an event comes.
 */
export class BillingFeed {
  private readonly contexts = new Map<string, CaseContext>();
  private readonly pollMs: number;

  constructor(
    private readonly store: EventStore,
    options: { pollMs?: number } = {},
  ) {
    this.pollMs = options.pollMs ?? 100;
  }

  async read(request: FeedRead): Promise<FeedPage> {
    const deadline = Date.now() + (request.waitMs ?? 0);
    let after = parseCursor(request.after);
    for (;;) {
      const page = await this.scan(after, request.limit);
      const left = deadline - Date.now();
      if (page.events.length > 0 || !page.caughtUp || left <= 0 || request.signal?.aborted) return page;
      after = parseCursor(page.next);
      await sleep(Math.min(this.pollMs, left), request.signal);
    }
  }

  /** One page: whole internal events only, so a cursor never falls inside one. */
  private async scan(after: Position | 'start', limit: number): Promise<FeedPage> {
    const events: BillingEvent[] = [];
    let from = after;
    let scanned = 0;
    const batch = Math.min(Math.max(limit * 4, 100), 1000);
    for (;;) {
      const recorded = await this.store.readAll({ after: from, maxCount: batch, filter: CASE_STREAMS });
      for (const stored of recorded) {
        const mapped = await this.billingEventsOf(stored);
        if (events.length > 0 && events.length + mapped.length > limit)
          return { events, next: cursorOf(from), caughtUp: false };
        events.push(...mapped);
        from = stored.position;
        if (events.length >= limit) return { events, next: cursorOf(from), caughtUp: false };
      }
      scanned += recorded.length;
      if (recorded.length < batch) return { events, next: cursorOf(from), caughtUp: true };
      if (scanned >= SCAN_LIMIT) return { events, next: cursorOf(from), caughtUp: false };
    }
  }

  private async billingEventsOf(stored: RecordedEvent): Promise<BillingEvent[]> {
    const caseId = stored.streamId.slice('case-'.length);
    const event = caseEventOf(stored.type, stored.data);
    const context =
      event.type === 'ClaimHandedOver'
        ? this.remember(caseContextOf(caseId, event.data))
        : await this.contextOf(caseId);
    // A case stream without a handover has no creditor to bill (none is ever written so).
    if (!context) return [];
    return toBillingEvents(
      {
        event,
        source: {
          eventId: stored.id,
          streamRevision: Number(stored.revision),
          position: serializePosition(stored.position),
        },
      },
      context,
    );
  }

  private async contextOf(caseId: string): Promise<CaseContext | undefined> {
    const known = this.contexts.get(caseId);
    if (known) return known;
    const [first] = await this.store.readStream(`case-${caseId}`, { fromRevision: 0n, maxCount: 1 });
    if (first?.type !== 'ClaimHandedOver') return undefined;
    // Creditor and currency are stored in clear (only the debtor's personal values are sealed).
    return this.remember(caseContextOf(caseId, first.data as EventOf<'ClaimHandedOver'>['data']));
  }

  private remember(context: CaseContext): CaseContext {
    if (this.contexts.size >= CONTEXTS_KEPT) this.contexts.delete(this.contexts.keys().next().value!);
    this.contexts.set(context.caseId, context);
    return context;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
