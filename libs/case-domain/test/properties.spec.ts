import * as fc from 'fast-check';
import { CASEWORK_ACTIONS, fold, type CaseEvent } from '../src';
import type { CaseSpec } from '../testing';
import { BUILDERS, runWalk, walk } from './walk';

const RUNS = { numRuns: 300, seed: 4242 };

function moneyIsWhole(spec: CaseSpec) {
  for (const [name, value] of Object.entries(spec.view.amounts)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`${name} is ${value} after ${spec.eventTypes().join(', ')}`);
  }
}

describe('properties of every case history', () => {
  it('replaying the stored events (through JSON, as a store keeps them) gives the same case', () => {
    fc.assert(
      fc.property(walk, ({ start, steps }) => {
        const spec = runWalk(start, steps);
        const stored: CaseEvent[] = JSON.parse(JSON.stringify(spec.history));
        const replayed = fold(stored);
        expect(replayed.status).toBe(spec.state.status);
        expect(replayed.facts).toEqual(spec.state.facts);
        expect(replayed.snapshot.value).toEqual(spec.state.snapshot.value);
      }),
      RUNS,
    );
  });

  it('money is always a whole, non-negative number of minor units', () => {
    fc.assert(
      fc.property(walk, ({ start, steps }) => {
        runWalk(start, steps, { afterStep: moneyIsWhole });
      }),
      RUNS,
    );
  });

  it('an action the machine does not offer is refused and changes nothing', () => {
    fc.assert(
      fc.property(walk, fc.nat(), ({ start, steps }, variant) => {
        runWalk(start, steps, {
          afterStep: (spec) => {
            if (!spec.state.facts?.lines.some((l) => l.credited < l.amount)) return;
            const offered = new Set(spec.view.allowedActions);
            for (const action of CASEWORK_ACTIONS) {
              if (offered.has(action) || action === 'HandOverClaim') continue;
              const before = spec.history.length;
              const result = spec.try(BUILDERS[action](spec, variant, 50));
              expect(Array.isArray(result) ? 'accepted' : result.kind).toBe('notAllowed');
              expect(spec.history.length).toBe(before);
            }
          },
        });
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('a closed case accepts nothing and has no open timers', () => {
    let closed = 0;
    fc.assert(
      fc.property(walk, fc.nat(), ({ start, steps }, variant) => {
        const spec = runWalk(start, steps);
        if (spec.status !== 'closed' || !spec.state.facts!.lines.some((l) => l.credited < l.amount)) return;
        closed += 1;
        expect(spec.view.allowedActions).toEqual([]);
        expect(spec.state.facts!.timers).toEqual([]);
        for (const action of CASEWORK_ACTIONS) {
          if (action === 'HandOverClaim') continue;
          const result = spec.try({ ...BUILDERS[action](spec, variant, 50) });
          expect(Array.isArray(result) ? 'accepted' : result.kind).toBe('notAllowed');
        }
      }),
      RUNS,
    );
    expect(closed).toBeGreaterThan(20);
  });
});
