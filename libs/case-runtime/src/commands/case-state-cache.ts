import type { CaseState } from '@app/case-domain';
import type { StoredCaseEvent } from './case-streams.port';

/**
 * The Idempotency-Keys a stream holds, as much as a request needs to know whether its key may
 * have been used on the case: per scope and key, the latest `occurredAt` of an event carrying
 * it. Uses older than `complete` were forgotten (keys live for a set time), so a question about
 * an earlier moment (a clock set back) cannot be answered here and reads the stream instead.
 */
export interface KeyUses {
  readonly latest: ReadonlyMap<string, string>;
  /** Uses at or after this instant are all in `latest`; '' when none was ever forgotten. */
  readonly complete: string;
}

/** A case as folded up to a revision: what `CaseStreams.read` gave, through `evolve`. */
export interface FoldedCase {
  readonly state: CaseState;
  readonly revision: bigint;
  readonly keys: KeyUses;
}

export const NO_KEYS: KeyUses = { latest: new Map(), complete: '' };

/** Beyond this many keys on one case, the expired ones are dropped when it is next loaded. */
const KEYS_KEPT_BEFORE_PRUNING = 64;

const keyName = (scope: string, key: string) => `${scope}\n${key}`;

/** The key uses after `events`: a new value when any carries a key (entries are shared, never changed). */
export function withKeysOf(keys: KeyUses, events: ReadonlyArray<Pick<StoredCaseEvent, 'metadata'>>): KeyUses {
  let latest: Map<string, string> | undefined;
  for (const { metadata } of events) {
    if (typeof metadata.idempotencyKey !== 'string') continue;
    latest ??= new Map(keys.latest);
    const name = keyName(String(metadata.idempotencyScope), metadata.idempotencyKey);
    const at = String(metadata.occurredAt ?? '');
    if (!(at <= (latest.get(name) ?? ''))) latest.set(name, at);
  }
  return latest ? { latest, complete: keys.complete } : keys;
}

/** Drops the uses older than `since` once there are many: they can never be replayed again. */
export function pruned(keys: KeyUses, since: string): KeyUses {
  if (keys.latest.size <= KEYS_KEPT_BEFORE_PRUNING || since <= keys.complete) return keys;
  const latest = new Map([...keys.latest].filter(([, at]) => at >= since));
  return { latest, complete: since };
}

/**
 * Whether an event with this key may be in the stream at or after `since`. False only when it
 * certainly is not; true sends the request to the whole stream, which decides.
 */
export function mayHaveUsed(keys: KeyUses, scope: string, key: string, since: string): boolean {
  if (since < keys.complete) return true;
  const at = keys.latest.get(keyName(scope, key));
  return at !== undefined && at >= since;
}

/**
 * Folded case state by stream, the most recently used kept (a bounded LRU), so a command on a
 * long history folds only the events after the cached revision. It is a shortcut for reading,
 * never a judge: every load still reads the stream from the cached revision on (so another
 * instance's appends are seen), and every append is still made at the revision read.
 */
export class CaseStateCache {
  private readonly entries = new Map<string, FoldedCase>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(caseId: string): FoldedCase | undefined {
    const entry = this.entries.get(caseId);
    if (!entry) return undefined;
    // Map order is insertion order: moving the entry to the end marks it most recently used.
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    return entry;
  }

  /** Keeps `entry` unless a later revision of the case is already cached. */
  offer(caseId: string, entry: FoldedCase): void {
    if (this.capacity <= 0) return;
    const known = this.entries.get(caseId);
    if (known && known.revision >= entry.revision) return;
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
