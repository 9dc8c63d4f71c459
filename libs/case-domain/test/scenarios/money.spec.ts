import { CaseSpec, cmd, day } from '../../testing';

describe('money on a case', () => {
  it('given interest and fees owed, when a partial payment comes, then it goes to costs, then interest, then principal', () => {
    const spec = CaseSpec.given().passTime(day(14));
    const payment = spec
      .do(cmd('RegisterPayment', { amount: 1_000_00, paidOn: '2025-03-17', reference: 'KID 1' }))
      .last('PaymentRegistered');
    const { allocation, interest } = payment.data;
    expect(allocation.costs).toBe(35_00 + 560_00);
    expect(interest.amount).toBeGreaterThan(0);
    expect(allocation.interest).toBe(interest.amount);
    expect(allocation.principal).toBe(1_000_00 - 595_00 - interest.amount);
    expect(spec.view.amounts.outstandingCosts).toBe(0);
    expect(spec.status).toBe('collection.demand');
  });

  it('given a payment, then limitation restarts from the payment day', () => {
    const spec = CaseSpec.given().do(
      cmd('RegisterPayment', { amount: 100_00, paidOn: '2025-03-03', reference: 'KID 2' }),
    );
    const warning = spec.state.facts!.timers.find((t) => t.kind === 'limitationWarning');
    // 3 March 2028 less 90 days (2028 is a leap year).
    expect(warning?.dueAt).toBe('2027-12-04T00:00:00.000Z');
    expect(spec.count('DeadlineCancelled')).toBe(1);
  });

  it('given an overpayment, then the case closes as paid and the surplus is kept for refund', () => {
    const spec = CaseSpec.given();
    const owed = spec.view.amounts.outstanding;
    spec.do(cmd('RegisterPayment', { amount: owed + 50_00, paidOn: '2025-03-03', reference: 'KID 3' }));
    expect(spec.view.closure?.reason).toBe('paid');
    expect(spec.view.amounts.surplus).toBe(50_00);
    expect(spec.view.amounts.outstanding).toBe(0);
  });

  it('given part of a line was paid, when the whole line is credited, then what was paid on it is owed back, never a negative balance', () => {
    const spec = CaseSpec.given({
      invoice: {
        number: '7',
        issueDate: '2025-01-15',
        dueDate: '2025-02-01',
        currency: 'NOK',
        lines: [
          { lineId: 'A', description: 'x', amount: 500_00 },
          { lineId: 'B', description: 'y', amount: 500_00 },
        ],
      },
    });
    const owed = spec.view.amounts.outstanding;
    spec.do(cmd('RegisterPayment', { amount: owed - 100_00, paidOn: '2025-03-03', reference: 'KID 4' }));
    spec.do(cmd('IssueCreditNote', { lines: [{ lineId: 'B', amount: 500_00 }], reason: 'Returned goods' }));
    expect(spec.view.amounts.outstandingPrincipal).toBe(0);
    expect(spec.view.amounts.surplus).toBe(400_00);
    expect(spec.view.amounts.outstanding).toBeGreaterThanOrEqual(0);
  });

  it('given interest runs from the due date, then the case shows interest accrued up to the day asked', () => {
    const spec = CaseSpec.given();
    // 3 000 NOK at 12.5 % for the 30 days from 1 Feb to 3 Mar 2025.
    expect(spec.view.amounts.interest).toBe(Math.round((3_000_00 * 1250 * 30) / (365 * 10000)));
  });
});
