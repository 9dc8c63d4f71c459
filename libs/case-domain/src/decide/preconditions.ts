import type { CalendarDate } from '../time/dates';
import type { CaseworkAction } from '../commands/case-commands';
import { demandExpiresOn } from '../deadlines/timer-rules';
import type { CaseFacts } from '../state/case-state';

type Precondition = (facts: CaseFacts, on: CalendarDate) => string | null;

function demandExpired(facts: CaseFacts, on: CalendarDate): boolean {
  const expires = demandExpiresOn(facts);
  return expires !== null && on >= expires;
}

/**
 * Rules on a case's figures and dates that refuse an action the machine allows in its state.
 * Stated once here: `decide` refuses with them, and `allowedActions` leaves out what they would
 * refuse, so an action listed is one the engine accepts now (given valid input).
 */
export const PRECONDITIONS: Partial<Record<CaseworkAction, Precondition>> = {
  FileConciliationComplaint: (facts, on) =>
    demandExpired(facts, on)
      ? 'More than 6 months since the payment demand: a new betalingsoppfordring must be sent first (§ 11).'
      : null,
  // A waiting forliksklage whose demand is still valid needs no new one.
  SendNewPaymentDemand: (facts, on) =>
    demandExpired(facts, on) ? null : 'The payment demand is less than 6 months old: the forliksklage can be filed.',
};

export function refusalOf(action: string, facts: CaseFacts, on: CalendarDate): string | null {
  return PRECONDITIONS[action as CaseworkAction]?.(facts, on) ?? null;
}
