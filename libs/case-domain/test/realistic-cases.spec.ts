import { commandAt, decide, evolve, initialCaseState, type CaseState } from '../src';
import { realisticCases, type RealisticAppend } from '../testing';

const take = (options: Parameters<typeof realisticCases>[0]) => [...realisticCases(options)];
const text = (appends: RealisticAppend[]) =>
  JSON.stringify(appends, (_, v) => (typeof v === 'bigint' ? `${v}n` : (v as unknown)));

describe('realistic cases (the benchmarks’ and load tests’ data)', () => {
  const appends = take({ seed: 11, cases: 600 });
  const byCase = new Map<string, RealisticAppend[]>();
  for (const a of appends) byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);

  it('is the same for the same seed, and another for another seed', () => {
    expect(text(take({ seed: 11, cases: 600 }))).toBe(text(appends));
    expect(take({ seed: 12, cases: 50 })[0].caseId).not.toBe(take({ seed: 11, cases: 50 })[0].caseId);
  });

  it('hands over the cases asked for, each stream starting with its handover and revisions following on', () => {
    expect(byCase.size).toBe(600);
    for (const [caseId, own] of byCase) {
      expect(own[0]).toMatchObject({ command: { type: 'HandOverClaim' }, expectedRevision: 'no_stream' });
      expect(own[0].streamId).toBe(`case-${caseId}`);
      let revision = -1;
      for (const a of own) {
        expect(a.expectedRevision).toEqual(revision < 0 ? 'no_stream' : BigInt(revision));
        revision += a.events.length;
      }
    }
  });

  it('is decided by the real machine: each append is what decide answers to its command on the case as it stood', () => {
    for (const own of byCase.values()) {
      let state: CaseState = initialCaseState;
      for (const a of own) {
        const decision = decide(state, commandAt(a.command, a.at));
        if (!decision.ok) throw new Error(decision.rejection.message);
        expect(a.events.map(({ type, data }) => ({ type, data }))).toEqual(decision.events);
        for (const e of decision.events) state = evolve(state, e);
      }
    }
  });

  it('interleaves the cases in the order of time, and their lengths vary widely', () => {
    const at = appends.map((a) => a.at);
    expect([...at].sort()).toEqual(at);
    const index = new Map(appends.map((a, i) => [a, i]));
    const interleaved = [...byCase.values()].filter((own) => {
      const first = index.get(own[0])!;
      const last = index.get(own[own.length - 1])!;
      return last - first + 1 > own.length;
    });
    expect(interleaved.length / byCase.size).toBeGreaterThan(0.9);
    const lengths = [...byCase.values()]
      .map((own) => own.reduce((n, a) => n + a.events.length, 0))
      .sort((a, b) => a - b);
    expect(lengths[0]).toBeLessThanOrEqual(5);
    expect(lengths[lengths.length - 1]).toBeGreaterThanOrEqual(30);
    expect(new Set(lengths).size).toBeGreaterThan(15);
    const statuses = new Set([...byCase.values()].map((own) => own[own.length - 1].command.type));
    expect(statuses.size).toBeGreaterThan(8);
  });

  it('carries the command path’s metadata: who, when, correlation and causation, versions, and keys on some', () => {
    const events = appends.flatMap((a) => a.events.map((e) => ({ a, e })));
    for (const { a, e } of events) {
      expect(e.metadata).toMatchObject({
        correlationId: expect.any(String),
        causationId: e.metadata.idempotencyKey ?? e.metadata.correlationId,
        actor: a.actor,
        occurredAt: a.at,
        machineVersion: '2.1.0',
        schemaVersion: 3,
        command: a.command.type,
      });
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      if (a.command.type === 'FireDeadline') {
        expect(e.metadata).toMatchObject({
          actor: { kind: 'system', id: 'timer-service' },
          idempotencyKey: `timer:${a.command.data.timerId}`,
          idempotencyScope: 'system:-:timer-service',
          requestFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
      }
    }
    const people = appends.filter((a) => a.command.type !== 'FireDeadline');
    const keyed = people.filter((a) => a.events[0].metadata.idempotencyKey).length / people.length;
    expect(keyed).toBeGreaterThan(0.2);
    expect(keyed).toBeLessThan(0.4);
    expect(new Set(people.map((a) => a.actor.kind))).toEqual(new Set(['caseworker', 'creditor']));
    expect(new Set(appends.flatMap((a) => a.events.map((e) => e.id))).size).toBe(events.length);
  });

  it('stops at the append that reaches the events asked for', () => {
    const some = take({ seed: 3, events: 1000 });
    const total = some.reduce((n, a) => n + a.events.length, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(total - some[some.length - 1].events.length).toBeLessThan(1000);
  });
});
