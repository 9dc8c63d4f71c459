import { fold } from '@app/case-domain';
import { newEventId, type EventStore } from '@app/event-store';
import { CaseSpec, cmd, day, objection, realisticCases, type RealisticOptions } from '@app/case-domain/testing';

/** Case histories decided by the real machine, in five journeys, appended as the API would. */
export async function seedCases(store: EventStore, count: number): Promise<CaseSpec[]> {
  const specs: CaseSpec[] = [];
  for (let i = 0; i < count; i++) {
    const spec = CaseSpec.given({
      caseId: `c${String(i).padStart(4, '0')}`,
      creditorId: i % 2 ? 'creditor-a' : 'creditor-b',
      creditorReference: `INV-${i}`,
    });
    const journey = i % 5;
    if (journey >= 1) spec.do({ ...objection(journey === 1 ? ['L2'] : undefined), at: day(2) });
    if (journey >= 2) spec.do({ ...cmd('ReferObjectionToCreditor', {}), at: day(3) });
    if (journey === 3) {
      spec
        .do({ ...cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }), at: day(5) })
        .do({ ...cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'No' }), at: day(6) });
    }
    if (journey === 4)
      spec.do({
        ...cmd('RegisterPayment', {
          amount: spec.view.amounts.outstanding,
          paidOn: '2025-03-06',
          reference: `KID ${i}`,
        }),
        at: day(4),
      });
    if (journey === 2 && i % 10 === 2) spec.passTime(day(3 + 14));
    await store.append(
      `case-${spec.state.facts!.caseId}`,
      spec.history.map((e) => ({
        id: newEventId(),
        type: e.type,
        data: e.data,
        metadata: { actor: { kind: 'caseworker', id: 'cw-1' }, correlationId: `seed-${i}` },
      })),
      { expectedRevision: 'no_stream' },
    );
    expect(fold(spec.history).status).toBe(spec.status);
    specs.push(spec);
  }
  return specs;
}

/** Realistic, interleaved cases (the benchmarks' generator), appended command by command as the API would. */
export async function seedRealistic(store: EventStore, options: RealisticOptions): Promise<number> {
  let events = 0;
  for (const a of realisticCases(options)) {
    await store.append(a.streamId, a.events, { expectedRevision: a.expectedRevision });
    events += a.events.length;
  }
  return events;
}
