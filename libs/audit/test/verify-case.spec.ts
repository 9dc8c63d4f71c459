import { realisticCases, type RealisticAppend } from '@app/case-domain/testing';
import type { RecordedEvent } from '@app/event-store';
import { chained, verifyCaseEvents, type Finding } from '@app/audit';

type Stored = { id: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

/** The realistic cases, each as the list of its events in order. */
function histories(): Map<string, Stored[]> {
  const cases = new Map<string, Stored[]>();
  for (const a of realisticCases({ cases: 60, seed: 7 }) as Generator<RealisticAppend>) {
    const list = cases.get(a.caseId) ?? [];
    list.push(...(structuredClone(a.events) as Stored[]));
    cases.set(a.caseId, list);
  }
  return cases;
}

/** The events as a store would hand them back, linked afresh: so only what was changed in them is wrong. */
function stored(events: readonly Stored[]): RecordedEvent[] {
  return chained('case-x', 0n, null, events).map((e, i) => ({
    ...e,
    streamId: 'case-x',
    revision: BigInt(i),
    position: { commit: BigInt(i + 1), prepare: BigInt(i + 1) },
    created: String(e.metadata.occurredAt),
  }));
}

const all = histories();
const findingsOf = (events: Stored[]) => verifyCaseEvents('x', stored(events)).findings;
/** A case with an event of the type (and the index of the first). */
function caseWith(type: string, where: (e: Stored) => boolean = () => true): { events: Stored[]; at: number } {
  for (const events of all.values()) {
    const at = events.findIndex((e) => e.type === type && where(e));
    if (at > 0) return { events: structuredClone(events), at };
  }
  throw new Error(`no realistic case has ${type}`);
}
const kinds = (findings: Finding[]) => findings.map((f) => `${f.kind}@${f.revision}`);

describe('verification of one case: what does not hold is named where it happened', () => {
  it('given the realistic histories as recorded, then none has a finding', () => {
    for (const events of all.values()) expect(findingsOf(events)).toEqual([]);
  });

  it('given a fee whose amount does not come from its figures and the tables of its day, then a feeMismatch', () => {
    const { events, at } = caseWith('FeeCharged');
    (events[at].data.fee as { amount: number }).amount += 100;
    expect(kinds(findingsOf(events))).toEqual([`feeMismatch@${at}`]);
  });

  it('given interest recorded other than the case accrues up to its day, then an interestMismatch', () => {
    const { events, at } = caseWith('PaymentRegistered', (e) => (e.data.interest as { amount: number }).amount > 0);
    (events[at].data.interest as { amount: number }).amount -= 1;
    expect(kinds(findingsOf(events))).toContain(`interestMismatch@${at}`);
  });

  it('given a timer fired twice, then a timerFiredTwice at the second firing', () => {
    const { events, at } = caseWith('DeadlineFired');
    events.splice(at + 1, 0, { ...structuredClone(events[at]), id: 'again' });
    expect(kinds(findingsOf(events))).toContain(`timerFiredTwice@${at + 1}`);
  });

  it('given a timer that fired before it was due, then a timerNotAtItsTime', () => {
    const { events, at } = caseWith('DeadlineFired');
    const due = Date.parse(String(events[at].data.at));
    events[at].metadata.occurredAt = new Date(due - 3_600_000).toISOString();
    expect(findingsOf(events)).toContainEqual(
      expect.objectContaining({
        kind: 'timerNotAtItsTime',
        revision: String(at),
        message: expect.stringContaining('before it was due'),
      }),
    );
  });

  it('given an event the machine does not take in the state before it, then an illegalTransition', () => {
    const { events, at } = caseWith('ObjectionRegistered');
    events.splice(at, 0, { ...structuredClone(events[0]), id: 'second-handover' });
    expect(findingsOf(events)).toContainEqual(
      expect.objectContaining({
        kind: 'illegalTransition',
        revision: String(at),
        message: expect.stringContaining('ClaimHandedOver is not allowed'),
      }),
    );
  });

  it('given an event recorded before the one before it, then a revisionReorder', () => {
    const { events } = caseWith('FeeCharged', () => true);
    const last = events.length - 1;
    events[last].metadata.occurredAt = '2000-01-01T00:00:00.000Z';
    expect(kinds(findingsOf(events))).toContain(`revisionReorder@${last}`);
  });
});
