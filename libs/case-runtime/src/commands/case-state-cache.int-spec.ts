import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { SimulatedClock } from '../clock/clock';
import { loadConfig } from '../config/config';
import { openPersonalData } from '../personal-data/open-personal-data';
import { SqliteIdempotencyStore } from '../storage/idempotency-store';
import { EventStoreCaseStreams } from '../storage/event-store-case-streams';
import type { Principal } from '../auth/principal';
import { loadCase } from './case-repository';
import { CaseStateCache } from './case-state-cache';
import {
  CaseStreams,
  type NewCaseEvent,
  type ReadCaseOptions,
  type StoredCaseEvent,
  type StreamRevision,
} from './case-streams.port';
import { handleCaseCommand, type CaseCommandEnvelope, type CommandPathDeps } from './handle-case-command';
import { caseIdFor } from './ids';
import { fingerprintOf } from './idempotency';
import { realisticCases } from '@app/case-domain/testing';

const CASEWORKER: Principal = { subject: 'cw-1', role: 'caseworker' };

/** The real adapter, with a record of what each read asked for. */
class WatchedStreams extends CaseStreams {
  readonly reads: Array<{ caseId: string; fromRevision?: bigint; got: number }> = [];
  constructor(private readonly inner: CaseStreams) {
    super();
  }
  async read(caseId: string, options: ReadCaseOptions = {}): Promise<StoredCaseEvent[]> {
    const got = await this.inner.read(caseId, options);
    this.reads.push({ caseId, fromRevision: options.fromRevision, got: got.length });
    return got;
  }
  append(caseId: string, expected: StreamRevision, events: NewCaseEvent[], subjectId: string): Promise<bigint> {
    return this.inner.append(caseId, expected, events, subjectId);
  }
}

/** Two processes on one SQLite file: each its own store connection, ledger and cache; personal data sealed as configured. */
async function instance(file: string, clock: SimulatedClock) {
  const store = new SqliteEventStore({ file });
  const { vault } = await openPersonalData(loadConfig({ SQLITE_FILE: file }), { localDb: store.db, clock });
  const streams = new WatchedStreams(new EventStoreCaseStreams(store, vault));
  const cache = new CaseStateCache(100);
  const deps: CommandPathDeps = {
    streams,
    clock,
    keys: new SqliteIdempotencyStore(new Database(join(file, '..', `keys-${Math.random()}.sqlite`))),
    keyLifetimeMs: 24 * 3_600_000,
    cache,
  };
  const run = (caseId: string, command: CaseCommandEnvelope['command'], extra: Partial<CaseCommandEnvelope> = {}) =>
    handleCaseCommand(deps, { caseId, command, principal: CASEWORKER, correlationId: 'test', ...extra });
  return { store, streams, cache, deps, run };
}

const payment = (reference: string) => ({
  type: 'RegisterPayment' as const,
  data: { amount: 1000, paidOn: '2025-03-03', reference },
});

describe('the command path with folded state cached by revision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-cache-'));
  const file = join(dir, 'engine.sqlite');
  const clock = new SimulatedClock('2025-03-03T09:00:00.000Z');
  const caseId = caseIdFor('creditor-a', 'INV-cache');
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;

  afterAll(async () => {
    await a.store.close();
    await b.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    a = await instance(file, clock);
    b = await instance(file, clock);
    expect((await a.run(caseId, { type: 'HandOverClaim', data: handover(caseId) })).kind).toBe('accepted');
  });

  it('given no one else wrote since its last command, then the next reads an empty tail and folds to the same state as the whole stream', async () => {
    for (let i = 0; i < 5; i++) expect((await a.run(caseId, payment(`P-${i}`))).kind).toBe('accepted');
    const previous = await a.run(caseId, payment('P-5'));
    a.streams.reads.length = 0;
    const outcome = await a.run(caseId, payment('P-last'));
    expect(outcome.kind).toBe('accepted');
    // One read, of what came after the revision the previous payment was stored at: nothing.
    const after = previous.kind === 'accepted' ? previous.revision + 1n : -1n;
    expect(a.streams.reads).toEqual([{ caseId, fromRevision: after, got: 0 }]);
    const whole = await loadCase(a.streams, caseId);
    const cached = await loadCase(a.streams, caseId, a.cache);
    expect(cached.revision).toBe(whole.revision);
    expect(cached.state).toEqual(whole.state);
    expect(outcome.kind === 'accepted' && outcome.state).toEqual(whole.state);
  });

  it('given a keyed command, then its events are read back before the next command decides (an earlier twin may be stored instead)', async () => {
    const keyed = await a.run(caseId, payment('K-tail'), { idempotencyKey: 'tail-key' });
    if (keyed.kind !== 'accepted') throw new Error(keyed.kind);
    a.streams.reads.length = 0;
    expect((await a.run(caseId, payment('after-keyed'))).kind).toBe('accepted');
    const from = keyed.revision - BigInt(keyed.events.length) + 1n;
    expect(a.streams.reads).toEqual([{ caseId, fromRevision: from, got: keyed.events.length }]);
  });

  it('given another instance appended since, then a command decides on the case as it now is', async () => {
    await a.run(caseId, payment('warm-a')); // a caches the open case
    expect((await b.run(caseId, { type: 'WithdrawClaim', data: { reason: 'Paid directly' } })).kind).toBe('accepted');
    const late = await a.run(caseId, payment('after-withdrawal'));
    expect(late).toMatchObject({ kind: 'rejected', rejection: { state: 'closed' } });
  });

  it('given a keyed request answered before the cache was filled, then its retry is replayed from the stream', async () => {
    const id = caseIdFor('creditor-a', 'INV-keys');
    await a.run(id, { type: 'HandOverClaim', data: handover(id) });
    const first = await a.run(id, payment('K-1'), { idempotencyKey: 'key-1' });
    for (let i = 0; i < 3; i++) await b.run(id, payment(`B-${i}`)); // b caches the case, key and all
    b.streams.reads.length = 0;
    const retry = await b.run(id, payment('K-1'), { idempotencyKey: 'key-1' });
    expect(retry).toMatchObject({ kind: 'accepted', replayed: true });
    expect(retry.kind === 'accepted' && retry.revision).toBe(first.kind === 'accepted' && first.revision);
    // The tail from the cache, then the whole stream for the replay.
    expect(b.streams.reads.map((r) => r.fromRevision)).toEqual([expect.any(BigInt), undefined]);
    const other = await b.run(id, payment('other body'), { idempotencyKey: 'key-1' });
    expect(other.kind).toBe('keyReused');
  });

  it('given a new key, then the command reads only the tail (no fingerprint search of the whole stream)', async () => {
    await a.run(caseId, { type: 'HandOverClaim', data: handover(caseId) }); // loads and caches
    const id = caseIdFor('creditor-a', 'INV-new-key');
    await a.run(id, { type: 'HandOverClaim', data: handover(id) });
    await a.run(id, payment('warm'));
    a.streams.reads.length = 0;
    expect((await a.run(id, payment('N-1'), { idempotencyKey: 'new-key' })).kind).toBe('accepted');
    expect(a.streams.reads.map((r) => r.fromRevision)).toEqual([expect.any(BigInt)]);
  });

  it('given realistic cases run through the command path, then every cached case equals its stream folded afresh', async () => {
    const c = await instance(file, clock);
    let keyed = 0;
    /** Each case's last command: keyed (its events are read back) or not (its computed state is cached). */
    const lastKeyed = new Map<string, boolean>();
    for (const r of realisticCases({ seed: 11, cases: 60, caseIdOf: caseIdFor, fingerprintOf })) {
      clock.set(r.at);
      const { idempotencyKey, correlationId } = r.events[0].metadata;
      const principal = { subject: r.actor.id, role: r.actor.kind, creditorId: r.actor.creditorId };
      const outcome = await c.run(r.caseId, r.command, { principal, correlationId, idempotencyKey });
      expect(outcome).toMatchObject({ kind: 'accepted', replayed: false });
      if (idempotencyKey) keyed += 1;
      lastKeyed.set(r.caseId, Boolean(idempotencyKey));
    }
    expect(keyed).toBeGreaterThan(10);
    expect([...lastKeyed.values()].filter((k) => !k).length).toBeGreaterThan(30);
    for (const [id, keyedLast] of lastKeyed) {
      const whole = await loadCase(c.streams, id);
      // The state the next command decides on: the cache, and a tail that is empty unless the last command was keyed.
      const cached = await loadCase(c.streams, id, c.cache);
      if (!keyedLast) expect(cached.stored).toEqual([]);
      expect(cached.revision).toBe(whole.revision);
      expect(cached.state).toEqual(whole.state);
    }
    await c.store.close();
  });
});

function handover(caseId: string) {
  return {
    caseId,
    creditorId: 'creditor-a',
    creditorReference: caseId,
    debtor: { id: 'debtor-1', name: 'Kari Nordmann', kind: 'consumer' as const, contact: {} },
    invoice: {
      number: '1',
      issueDate: '2025-01-15',
      dueDate: '2025-02-01',
      currency: 'NOK' as const,
      lines: [{ lineId: 'L1', description: 'Installation', amount: 2_000_000 }],
    },
  };
}
