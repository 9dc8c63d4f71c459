import { createHash } from 'node:crypto';
import {
  comparePositions,
  parsePosition,
  serializePosition,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '@app/event-store';
import { headHashOf, type ChainableEvent } from '../chain/chain-link';

/**
 * An anchor over `$all`: every so often the hashes of all case events recorded since the last
 * anchor, in log order, are digested together with that anchor's digest and appended to a stream
 * of their own. A stream's chain shows an event altered or removed inside it; only an anchor
 * shows a stream's last events removed, or a whole stream, or events slipped in between.
 */
export const ANCHOR_STREAM = 'audit-anchors';
export const CHAIN_ANCHORED = 'ChainAnchored';
const CASE_PREFIX = 'case-';

export interface ChainAnchored {
  at: string;
  /** The last case event the anchor covers (its `$all` position). */
  upTo: string;
  /** Case events covered since the previous anchor. */
  events: number;
  previous: string | null;
  digest: string;
}

/** The running digest of one anchor's span: the previous digest, then each event's hash in log order. */
export class AnchorDigest {
  private readonly hash = createHash('sha256');
  events = 0;

  constructor(readonly previous: string | null) {
    this.hash.update(previous ?? 'genesis');
  }

  add(e: RecordedEvent): void {
    this.hash.update(`${e.streamId}\n${e.revision}\n${headHashOf(e as ChainableEvent)}\n`);
    this.events += 1;
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }
}

export async function readAnchors(store: EventStore): Promise<Array<ChainAnchored & { revision: bigint }>> {
  const events = await store.readStream(ANCHOR_STREAM);
  return events
    .filter((e) => e.type === CHAIN_ANCHORED)
    .map((e) => ({ ...(e.data as ChainAnchored), revision: e.revision }));
}

/**
 * Appends an anchor over the case events recorded since the last one; none when nothing was
 * recorded since. Two processes anchoring at once: one wins the revision, the other is refused.
 */
export async function anchorChain(store: EventStore, now: string, page = 5_000): Promise<ChainAnchored | null> {
  const [last] = await store.readStream(ANCHOR_STREAM, { direction: 'backwards', maxCount: 1 });
  const previous = last ? (last.data as ChainAnchored) : null;
  const running = new AnchorDigest(previous?.digest ?? null);
  let after: Position | 'start' = previous ? parsePosition(previous.upTo) : 'start';
  let upTo: Position | null = null;
  for (;;) {
    const read = await store.readAll({ after, maxCount: page, filter: { streamPrefixes: [CASE_PREFIX] } });
    for (const e of read) running.add(e);
    if (read.length > 0) upTo = after = read[read.length - 1].position;
    if (read.length < page) break;
  }
  if (!upTo) return null;
  const anchor: ChainAnchored = {
    at: now,
    upTo: serializePosition(upTo),
    events: running.events,
    previous: previous?.digest ?? null,
    digest: running.digest(),
  };
  const id = createHash('sha256').update(anchor.digest).digest('hex');
  await store.append(
    ANCHOR_STREAM,
    [
      {
        id: `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`,
        type: CHAIN_ANCHORED,
        data: anchor,
        metadata: { occurredAt: now },
      },
    ],
    { expectedRevision: last ? last.revision : 'no_stream' },
  );
  return anchor;
}

export interface AnchorFinding {
  anchor: string;
  upTo: string;
  message: string;
}

/**
 * Follows a pass over the case events in log order and checks each anchor as the pass reaches
 * the position it covers: its digest must come out of the events the store holds now.
 */
export class AnchorFollower {
  readonly findings: AnchorFinding[] = [];
  checked = 0;
  private next = 0;
  private running: AnchorDigest;

  constructor(private readonly anchors: ReadonlyArray<ChainAnchored & { revision: bigint }>) {
    this.running = new AnchorDigest(null);
  }

  add(e: RecordedEvent): void {
    this.settleBefore(e.position);
    this.running.add(e);
  }

  /** At the end of the pass: the anchors beyond the last event cover events no longer there. */
  finish(): void {
    this.settleBefore(null);
  }

  private settleBefore(position: Position | null): void {
    while (this.next < this.anchors.length) {
      const anchor = this.anchors[this.next];
      const upTo = parsePosition(anchor.upTo);
      if (position && comparePositions(position, upTo) <= 0) return;
      const digest = this.running.digest();
      if (digest !== anchor.digest || this.running.events !== anchor.events)
        this.findings.push({
          anchor: String(anchor.revision),
          upTo: anchor.upTo,
          message:
            `anchor ${anchor.revision} (up to ${anchor.upTo}, ${anchor.events} events) does not match the ` +
            `${this.running.events} events stored in its span: an event in it was altered, removed or slipped in`,
        });
      this.checked += 1;
      // The next span starts from the anchor as recorded, so one bad span is one finding.
      this.running = new AnchorDigest(anchor.digest);
      this.next += 1;
    }
  }
}
