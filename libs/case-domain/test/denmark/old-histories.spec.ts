import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseEventOf, decide, fold, initialCaseState, packOf, type CaseEvent } from '../../src';
import { DAY0, handover } from '../../testing';
import { danishClaim } from './danish-case';

const stored = JSON.parse(readFileSync(join(__dirname, '../fixtures/histories-machine-1.0.0.json'), 'utf8')) as {
  cases: Array<{ events: Array<{ type: string; data: unknown }> }>;
};

describe('the rule pack of a case, from its first event', () => {
  it('given histories written before rule packs existed, then every one replays under the Norwegian pack', () => {
    for (const c of stored.cases) {
      const state = fold(c.events.map((e) => caseEventOf(e.type, e.data)));
      expect(packOf(state.facts!).id).toBe('NO');
      expect(state.facts).not.toHaveProperty('rulePack');
    }
  });

  it('given a Norwegian handover today, then its first event carries no pack field (it reads as it always did)', () => {
    const decision = decide(initialCaseState, { type: 'HandOverClaim', at: DAY0, data: handover() });
    const first = (decision.ok ? decision.events[0] : null) as Extract<CaseEvent, { type: 'ClaimHandedOver' }>;
    expect(first.data).not.toHaveProperty('rulePack');
    expect(first.data).not.toHaveProperty('remindersSentOn');
  });

  it('given a Danish handover, then the pack travels in the first event, and a replay of the events alone is Danish', () => {
    const decision = decide(initialCaseState, { type: 'HandOverClaim', at: DAY0, data: handover(danishClaim()) });
    const events = decision.ok ? decision.events : [];
    expect(events[0].data).toMatchObject({ rulePack: 'DK' });
    // As a store would give them back: JSON, read through the upcaster.
    const replayed = fold(
      events.map((e) => JSON.parse(JSON.stringify(e)) as CaseEvent).map((e) => caseEventOf(e.type, e.data)),
    );
    expect(packOf(replayed.facts!).id).toBe('DK');
  });
});
