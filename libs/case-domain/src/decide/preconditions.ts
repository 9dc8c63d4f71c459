import type { CalendarDate } from '../time/dates';
import type { CaseworkAction } from '../commands/case-commands';
import type { CaseFacts } from '../state/case-state';
import { packOf } from '../packs';
import { NORWEGIAN_PRECONDITIONS } from '../packs/norway';

/**
 * Rules on a case's figures and dates that refuse an action the machine allows in its state,
 * as the case's rule pack states them (Norway's: inkassoloven § 11). Stated once: `decide`
 * refuses with them, and `allowedActions` leaves out what they would refuse, so an action listed
 * is one the engine accepts now (given valid input).
 */
export const PRECONDITIONS = NORWEGIAN_PRECONDITIONS as Partial<
  Record<CaseworkAction, (facts: CaseFacts, on: CalendarDate) => string | null>
>;

export function refusalOf(action: string, facts: CaseFacts, on: CalendarDate): string | null {
  return packOf(facts).preconditions[action as CaseworkAction]?.(facts, on) ?? null;
}
