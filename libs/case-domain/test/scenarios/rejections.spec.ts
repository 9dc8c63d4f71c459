import { decide, evolve, initialCaseState, type Rejection } from '../../src';
import { CaseSpec, DAY0, cmd, day, handover, objection } from '../../testing';

function rejected(result: unknown): Rejection {
  if (Array.isArray(result)) throw new Error(`expected a rejection, got ${result.map((e) => e.type).join(', ')}`);
  return result as Rejection;
}

describe('what the machine refuses, and that a refusal changes nothing', () => {
  it('given no case, when any command but a handover arrives, then the case is not found', () => {
    const decision = decide(initialCaseState, {
      type: 'RegisterPayment',
      at: DAY0,
      data: { amount: 1, paidOn: '2025-03-03', reference: 'x' },
    });
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.rejection.kind).toBe('caseNotFound');
  });

  it('given a case in collection, when the creditor tries to reply to an objection, then it is not allowed and the allowed actions are named', () => {
    const spec = CaseSpec.given();
    const before = spec.history.length;
    const r = rejected(spec.try(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' })));
    expect(r).toMatchObject({ kind: 'notAllowed', command: 'RecordCreditorReply', state: 'collection.notice' });
    expect(r.allowed).toEqual([
      'RegisterObjection',
      'RegisterPayment',
      'IssueCreditNote',
      'WithdrawClaim',
      'CloseCase',
    ]);
    expect(spec.history.length).toBe(before);
  });

  it('given a case, when it is handed over again, then that is not allowed', () => {
    expect(rejected(CaseSpec.given().try({ type: 'HandOverClaim', data: handover() } as never)).kind).toBe(
      'notAllowed',
    );
  });

  it('given a closed case, then it accepts nothing', () => {
    const spec = CaseSpec.given().do(cmd('WithdrawClaim', { reason: 'Settled directly with the debtor' }));
    expect(spec.view.closure?.reason).toBe('withdrawn');
    const r = rejected(spec.try(cmd('RegisterPayment', { amount: 100, paidOn: '2025-03-03', reference: 'x' })));
    expect(r).toMatchObject({ kind: 'notAllowed', state: 'closed', allowed: [] });
  });

  it.each([
    ['an invoice not yet due', { invoice: { ...handover().invoice, dueDate: '2025-03-03' } }, 'invoice.dueDate'],
    ['no lines', { invoice: { ...handover().invoice, lines: [] } }, 'invoice.lines'],
    [
      'a fractional amount',
      { invoice: { ...handover().invoice, lines: [{ lineId: 'A', description: 'x', amount: 10.5 }] } },
      'invoice.lines.0.amount',
    ],
    [
      'a duplicate line id',
      {
        invoice: {
          ...handover().invoice,
          lines: [
            { lineId: 'A', description: 'x', amount: 1 },
            { lineId: 'A', description: 'y', amount: 2 },
          ],
        },
      },
      'invoice.lines.1.lineId',
    ],
    ['a Danish claim', { invoice: { ...handover().invoice, currency: 'DKK' as const } }, 'invoice.currency'],
    ['a notice sent before the due date', { noticeAlreadySentOn: '2025-01-20' }, 'noticeAlreadySentOn'],
  ])('given a handover with %s, then it is invalid and names the field', (_, overrides, field) => {
    const decision = decide(initialCaseState, { type: 'HandOverClaim', at: DAY0, data: handover(overrides) });
    expect(!decision.ok && decision.rejection).toMatchObject({ kind: 'invalid', field });
  });

  it('given an objection naming a line not on the invoice, then it is invalid', () => {
    expect(rejected(CaseSpec.given().try(objection(['L9'])))).toMatchObject({ kind: 'invalid', field: 'lineIds' });
  });

  it('given a payment dated in the future, then it is invalid', () => {
    const r = rejected(
      CaseSpec.given().try(cmd('RegisterPayment', { amount: 100_00, paidOn: '2025-03-04', reference: 'x' })),
    );
    expect(r).toMatchObject({ kind: 'invalid', field: 'paidOn' });
  });

  it('given a credit larger than what is left on a line, then it is invalid', () => {
    const r = rejected(
      CaseSpec.given().try(cmd('IssueCreditNote', { lines: [{ lineId: 'L2', amount: 1_000_01 }], reason: 'x' })),
    );
    expect(r).toMatchObject({ kind: 'invalid', field: 'lines.0.amount' });
  });

  it('given a timer that has already fired, when it is fired again, then nothing happens twice', () => {
    const spec = CaseSpec.given();
    const timerId = spec.state.facts!.timers.find((t) => t.kind === 'noticeDeadline')!.timerId;
    spec.do({ ...cmd('FireDeadline', { timerId }), at: day(14) });
    const r = rejected(spec.try({ ...cmd('FireDeadline', { timerId }), at: day(15) }));
    expect(r.kind).toBe('notAllowed');
    expect(spec.count('PaymentDemandSent')).toBe(1);
  });

  it('given an open timer the case no longer accepts, when it fires, then it is dropped and recorded as cancelled', () => {
    const spec = CaseSpec.given().do(objection());
    // A notice deadline left open in a dispute (as an older machine version might have left it).
    const stray = {
      type: 'DeadlineScheduled',
      data: { at: day(0), timerId: 'case-1/noticeDeadline/99', kind: 'noticeDeadline', dueAt: day(14) },
    } as const;
    spec.state = evolve(spec.state, stray);
    const events = spec.try({ ...cmd('FireDeadline', { timerId: 'case-1/noticeDeadline/99' }), at: day(15) });
    expect(events).toEqual([
      {
        type: 'DeadlineCancelled',
        data: expect.objectContaining({
          timerId: 'case-1/noticeDeadline/99',
          reason: expect.stringContaining('PaymentDemandSent'),
        }),
      },
    ]);
    expect(spec.status).toBe('dispute.assessing');
    expect(spec.state.facts!.timers.map((t) => t.timerId)).not.toContain('case-1/noticeDeadline/99');
  });

  it('given the payment demand is more than 6 months old, when the agency files, then a new demand is needed first', () => {
    const spec = CaseSpec.given()
      .passTime(day(14))
      .do({ ...objection(), at: day(20) })
      .do(cmd('RejectObjection', { writtenAnswer: 'Documented.' }))
      .do(cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'Still disputes' }))
      .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }));
    const r = rejected(spec.try({ ...cmd('FileConciliationComplaint', { board: 'Oslo' }), at: day(14 + 200) }));
    expect(r.kind).toBe('notAllowed');
    expect(r.message).toContain('§ 11');
  });
});

describe('claims older than the rules the engine knows', () => {
  it('given a claim due in 2013, before the first interest rate, when it is handed over, then it is refused and nothing happens', () => {
    const spec = new CaseSpec();
    const result = spec.try({
      type: 'HandOverClaim',
      at: DAY0,
      data: handover({ invoice: { ...handover().invoice, issueDate: '2013-05-01', dueDate: '2013-06-01' } }),
    });
    expect(result).toMatchObject({ kind: 'invalid', field: 'invoice.dueDate' });
    expect(spec.history).toEqual([]);
  });

  it('given a claim due in 2022, inside the limitation period of a debt acknowledged since, then it is taken on and its interest computes', () => {
    const spec = CaseSpec.given({ invoice: { ...handover().invoice, issueDate: '2022-05-01', dueDate: '2022-06-02' } });
    expect(spec.status).toBe('collection.notice');
    expect(spec.view.amounts.interest).toBeGreaterThan(0);
  });
});
