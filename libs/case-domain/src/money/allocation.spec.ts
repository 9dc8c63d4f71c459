import * as fc from 'fast-check';
import { allocatePayment } from './allocation';

describe('allocating a payment', () => {
  it('given costs, interest and principal owed, then costs are paid first, then interest, then principal', () => {
    expect(allocatePayment(700_00, { costs: 595_00, interest: 61_64, principal: 3_000_00 })).toEqual({
      costs: 595_00,
      interest: 61_64,
      principal: 43_36,
      surplus: 0,
    });
  });

  it('given more than is owed, then the rest is surplus to refund', () => {
    expect(allocatePayment(100_00, { costs: 10_00, interest: 0, principal: 50_00 })).toEqual({
      costs: 10_00,
      interest: 0,
      principal: 50_00,
      surplus: 40_00,
    });
  });

  it('always sums to the amount, never goes negative, never exceeds what is owed, and respects the order', () => {
    const minor = fc.integer({ min: 0, max: 1_000_000_00 });
    fc.assert(
      fc.property(minor, minor, minor, minor, (amount, costs, interest, principal) => {
        const a = allocatePayment(amount, { costs, interest, principal });
        expect(a.costs + a.interest + a.principal + a.surplus).toBe(amount);
        for (const part of Object.values(a)) expect(part).toBeGreaterThanOrEqual(0);
        expect(a.costs).toBeLessThanOrEqual(costs);
        expect(a.interest).toBeLessThanOrEqual(interest);
        expect(a.principal).toBeLessThanOrEqual(principal);
        if (a.interest > 0) expect(a.costs).toBe(costs);
        if (a.principal > 0) expect(a.interest).toBe(interest);
        if (a.surplus > 0) expect(a.principal).toBe(principal);
      }),
    );
  });

  it('refuses a fractional or negative amount', () => {
    expect(() => allocatePayment(10.5, { costs: 0, interest: 0, principal: 100 })).toThrow(RangeError);
    expect(() => allocatePayment(-1, { costs: 0, interest: 0, principal: 100 })).toThrow(RangeError);
  });
});
