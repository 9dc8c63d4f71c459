import { assertMinor, type Minor } from './types';

export interface Balances {
  costs: Minor;
  interest: Minor;
  principal: Minor;
}
export interface Allocation {
  costs: Minor;
  interest: Minor;
  principal: Minor;
  surplus: Minor;
}

/** The legal order (dekningsrekkefølge): costs, then interest, then principal; the rest is surplus to refund. */
export function allocatePayment(amount: Minor, owed: Balances): Allocation {
  assertMinor(amount, 'amount');
  let rest = amount;
  const take = (available: Minor) => {
    assertMinor(available, 'an owed balance');
    const taken = Math.min(available, rest);
    rest -= taken;
    return taken;
  };
  const costs = take(owed.costs);
  const interest = take(owed.interest);
  const principal = take(owed.principal);
  return { costs, interest, principal, surplus: rest };
}
