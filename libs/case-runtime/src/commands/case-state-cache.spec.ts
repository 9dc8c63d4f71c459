import { initialCaseState } from '@app/case-domain';
import { CaseStateCache, mayHaveUsed, NO_KEYS, pruned, withKeysOf, type FoldedCase } from './case-state-cache';

const folded = (revision: bigint, keys = NO_KEYS): FoldedCase => ({
  state: initialCaseState,
  revision,
  keys,
});

const keyed = (key: string, occurredAt: string, scope = 'caseworker:-:cw-1') => ({
  metadata: { idempotencyKey: key, idempotencyScope: scope, occurredAt },
});

describe('the folded-state cache', () => {
  it('keeps at most its capacity, dropping the case used least recently', () => {
    const cache = new CaseStateCache(2);
    cache.offer('a', folded(1n));
    cache.offer('b', folded(1n));
    expect(cache.get('a')?.revision).toBe(1n); // a is now the most recently used
    cache.offer('c', folded(1n));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('never goes back to an earlier revision of a case', () => {
    const cache = new CaseStateCache(10);
    cache.offer('a', folded(5n));
    cache.offer('a', folded(3n));
    expect(cache.get('a')?.revision).toBe(5n);
    cache.offer('a', folded(6n));
    expect(cache.get('a')?.revision).toBe(6n);
  });

  it('holds nothing with a capacity of 0', () => {
    const cache = new CaseStateCache(0);
    cache.offer('a', folded(1n));
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('the Idempotency-Keys a cached case remembers', () => {
  const since = '2025-03-02T09:00:00.000Z';

  it('knows a key used at or after `since`, in its scope only', () => {
    const keys = withKeysOf(NO_KEYS, [keyed('k1', '2025-03-03T09:00:00.000Z'), { metadata: { occurredAt: 'x' } }]);
    expect(mayHaveUsed(keys, 'caseworker:-:cw-1', 'k1', since)).toBe(true);
    expect(mayHaveUsed(keys, 'creditor:c-1:cr-1', 'k1', since)).toBe(false);
    expect(mayHaveUsed(keys, 'caseworker:-:cw-1', 'k2', since)).toBe(false);
    // Used before the key's lifetime began: it cannot be replayed any more.
    expect(mayHaveUsed(keys, 'caseworker:-:cw-1', 'k1', '2025-03-04T00:00:00.000Z')).toBe(false);
  });

  it('shares, never changes, what it was built from', () => {
    const before = withKeysOf(NO_KEYS, [keyed('k1', '2025-03-03T09:00:00.000Z')]);
    const after = withKeysOf(before, [keyed('k2', '2025-03-03T10:00:00.000Z')]);
    expect(mayHaveUsed(before, 'caseworker:-:cw-1', 'k2', since)).toBe(false);
    expect(mayHaveUsed(after, 'caseworker:-:cw-1', 'k2', since)).toBe(true);
    expect(withKeysOf(after, [{ metadata: {} }])).toBe(after);
  });

  it('forgets expired keys once there are many, and sends an earlier question to the stream', () => {
    const uses = Array.from({ length: 100 }, (_, i) =>
      keyed(`old-${i}`, `2025-03-01T${String(i % 24).padStart(2, '0')}:00:00.000Z`),
    );
    const keys = pruned(withKeysOf(NO_KEYS, [...uses, keyed('fresh', '2025-03-03T09:00:00.000Z')]), since);
    expect(keys.latest.size).toBe(1);
    expect(mayHaveUsed(keys, 'caseworker:-:cw-1', 'fresh', since)).toBe(true);
    expect(mayHaveUsed(keys, 'caseworker:-:cw-1', 'old-3', since)).toBe(false);
    // A clock set back before what was forgotten: the cache cannot tell, so it says "maybe".
    expect(mayHaveUsed(keys, 'caseworker:-:cw-1', 'old-3', '2025-02-28T00:00:00.000Z')).toBe(true);
  });

  it('keeps a few expired keys rather than copying on every load', () => {
    const keys = withKeysOf(NO_KEYS, [keyed('old', '2025-03-01T00:00:00.000Z')]);
    expect(pruned(keys, since)).toBe(keys);
  });
});
