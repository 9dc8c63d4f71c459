/**
 * The event store port: small, ours, and modelled on EventStoreDB's semantics so that its
 * adapter is a thin mapping. Revisions are 0-based bigints; `$all` positions are opaque
 * (never assume they are dense).
 */
export type StreamState = 'no_stream' | 'any' | 'stream_exists';
export type ExpectedRevision = StreamState | bigint;

/** A place in `$all`. SQLite uses its row id for both parts; EventStoreDB its log positions. */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  actor?: unknown;
  occurredAt?: string;
  machineVersion?: string;
  schemaVersion?: number;
  [key: string]: unknown;
}

export interface EventData {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  streamId: string;
  revision: bigint;
  position: Position;
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** When the store recorded it (ISO-8601). */
  created: string;
}

export interface AppendResult {
  nextExpectedRevision: bigint;
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive; default: the start (forwards) or the end (backwards). */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

export interface AllFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Exclusive for forwards reads: events after this position. */
  after?: Position | 'start';
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeOptions {
  /** The checkpoint: delivery starts after it. */
  from: Position | 'start';
  filter?: AllFilter;
  /** Called once when the catch-up read has reached the head of `$all`. */
  onCaughtUp?: () => void;
  /** Called when the handler or the store fails; the subscription has then stopped. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  stop(): Promise<void>;
  /** Settles when the subscription has stopped (after `stop()`, or after an error). */
  readonly done: Promise<void>;
}

export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface EventStore {
  readonly kind: string;
  append(streamId: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /** The stream's events; an empty list when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch-up then live delivery of `$all` after a checkpoint. The handler is awaited one event
   * at a time, never in parallel, so a slow handler slows the subscription (back-pressure).
   */
  subscribeToAll(handler: EventHandler, options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const START: Position = { commit: 0n, prepare: 0n };

export function comparePositions(a: Position, b: Position): number {
  return a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;
}

/** A checkpoint as text, for storing beside the rows a projection wrote. */
export function serializePosition(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function parsePosition(text: string): Position {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new RangeError(`Not a position: ${text}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export function matchesFilter(filter: AllFilter | undefined, streamId: string, type: string): boolean {
  if (!filter) return true;
  if (filter.streamPrefixes?.length && !filter.streamPrefixes.some((p) => streamId.startsWith(p))) return false;
  if (filter.eventTypes?.length && !filter.eventTypes.includes(type)) return false;
  return true;
}
