import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseEventOf, caseViewOf, CASE_MACHINE_VERSION, fold, type CaseEvent } from '../src';

interface StoredCase {
  name: string;
  events: Array<{ type: string; data: unknown }>;
  expected: {
    status: string;
    asOf: string;
    facts: unknown;
    flags: Record<string, unknown>;
    amounts: unknown;
    deadlines: Array<{ kind: string }>;
    closure: unknown;
  };
}

/** What machine 1.0.0 called the states that machine 2.0.0 names by their track. */
const RENAMED: Record<string, string> = {
  registered: 'collection.registered',
  preCollectionDispute: 'dispute.preCollection',
  preparingComplaint: 'dispute.preparingComplaint',
  conciliationBoard: 'dispute.conciliationBoard',
  settled: 'collection.settlement',
};

const stored = JSON.parse(readFileSync(join(__dirname, 'fixtures/histories-machine-1.0.0.json'), 'utf8')) as {
  machineVersion: string;
  cases: StoredCase[];
};

describe('histories written by machine 1.0.0 (120 random cases, as a store keeps them)', () => {
  it('are read by a later machine version, which is recorded in new events', () => {
    expect(stored.machineVersion).toBe('1.0.0');
    expect(CASE_MACHINE_VERSION).not.toBe(stored.machineVersion);
    const partial = stored.cases.filter((c) =>
      c.events.some((e) => e.type === 'ObjectionRegistered' && (e.data as { scope: string }).scope === 'partial'),
    );
    expect(partial.length).toBeGreaterThan(20);
  });

  it.each(stored.cases.map((c) => [c.name, c] as const))('%s replays to the state it had', (_, stored) => {
    const events: CaseEvent[] = stored.events.map((e) => caseEventOf(e.type, e.data));
    const state = fold(events);
    const view = caseViewOf(state, stored.expected.asOf);
    expect(state.status).toBe(RENAMED[stored.expected.status] ?? stored.expected.status);
    expect(state.facts).toEqual(stored.expected.facts);
    expect(view.amounts).toEqual(stored.expected.amounts);
    expect(view.deadlines.map(({ track: _track, ...d }) => d)).toEqual(stored.expected.deadlines);
    expect(view.closure).toEqual(stored.expected.closure);
    // Machine 1.0.0 paused collection for every objection, a partial one too, and the upcast
    // objection says so; its view showed the flag for whole-claim objections only.
    const { collectionPaused, ...flags } = view.flags;
    const { collectionPaused: was, ...flagsThen } = stored.expected.flags;
    expect(flags).toEqual(flagsThen);
    expect(collectionPaused).toBe(
      was === true || (state.facts?.dispute?.scope === 'partial' && state.status !== 'closed'),
    );
  });
});
