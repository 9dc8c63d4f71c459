import { Injectable, Optional } from '@nestjs/common';
import { fold, initialCaseState, type CaseState } from '@app/case-domain';
import { CaseStreams, type StoredCaseEvent, type StreamRevision } from './case-streams.port';
import { CaseStateCache, NO_KEYS, pruned, withKeysOf, type FoldedCase, type KeyUses } from './case-state-cache';

export interface LoadedCase {
  state: CaseState;
  /** The events this load read: the whole stream, or (`complete: false`) those after a cached revision. */
  stored: StoredCaseEvent[];
  complete: boolean;
  revision: StreamRevision;
  /** The Idempotency-Keys in the whole stream, up to `revision`. */
  keys: KeyUses;
}

/**
 * A case is the fold of its stream; nothing else is stored on the write side. With a cache, a
 * load reads only the events after the cached revision and folds them onto the cached state:
 * what it returns is as current as a full read, since the tail always comes from the store.
 */
export async function loadCase(
  streams: CaseStreams,
  caseId: string,
  cache?: CaseStateCache,
  keysSince = '',
): Promise<LoadedCase> {
  const cached = cache?.get(caseId);
  if (cached) {
    // The debtor is known from the cached state: the adapter need not read the handover to open the tail.
    const subjectId = cached.state.facts?.debtor.id;
    const tail = await streams.read(caseId, { fromRevision: cached.revision + 1n, subjectId });
    // The tail must continue the cached revision; anything else (it cannot, but) is read afresh.
    if (tail.length === 0 || tail[0].revision === cached.revision + 1n) {
      return remembered(cache!, caseId, foldOnto(cached, tail), keysSince);
    }
  }
  const loaded = foldOnto(null, await streams.read(caseId));
  return cache ? remembered(cache, caseId, loaded, keysSince) : loaded;
}

function foldOnto(from: FoldedCase | null, stored: StoredCaseEvent[]): LoadedCase {
  const last = stored[stored.length - 1];
  return {
    state: fold(
      stored.map((s) => s.event),
      from?.state ?? initialCaseState,
    ),
    stored,
    complete: from === null,
    revision: last ? last.revision : (from?.revision ?? 'no_stream'),
    keys: withKeysOf(from?.keys ?? NO_KEYS, stored),
  };
}

/** What `CaseStreams.read` returned, folded, is cached. */
function remembered(cache: CaseStateCache, caseId: string, loaded: LoadedCase, keysSince: string): LoadedCase {
  if (loaded.revision === 'no_stream') return loaded;
  const { state, revision } = loaded;
  cache.offer(caseId, { state, revision, keys: pruned(loaded.keys, keysSince) });
  return loaded;
}

/**
 * The state a command computed for its own events, once the store took them at the revision it
 * decided on, so the next command on the case reads an empty tail instead of folding them again.
 * Only for events with fresh random ids: ids derived from an Idempotency-Key may have been
 * stored already by an earlier decider of the same request (EventStoreDB then answers success
 * without writing), whose events are that decider's twin, not these; those are read back instead.
 */
export function rememberAppended(
  cache: CaseStateCache,
  caseId: string,
  before: LoadedCase,
  after: { state: CaseState; revision: bigint },
  keysSince: string,
): void {
  cache.offer(caseId, { ...after, keys: pruned(before.keys, keysSince) });
}

@Injectable()
export class CaseRepository {
  constructor(
    private readonly streams: CaseStreams,
    @Optional() private readonly cache?: CaseStateCache,
  ) {}

  load(caseId: string): Promise<LoadedCase> {
    return loadCase(this.streams, caseId, this.cache);
  }
}
