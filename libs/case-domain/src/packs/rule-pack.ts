import type { CalendarDate, Instant } from '../time/dates';
import type { InterestTable } from '../money/interest';
import type { FeeQuote } from '../money/types';
import type { HolidayCalendar } from '../deadlines/working-days';
import type { CaseworkAction, HandOverClaim } from '../commands/case-commands';
import type { CaseEvent, DocumentParty, Invoice } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import type { Invalid } from '../decide/rejection';
import type { CaseStatus } from '../machine/status';
import type { Jurisdiction, PackId } from './pack-id';

/** A rule on a case's figures and dates that refuses an action the machine allows in its state. */
export type Precondition = (facts: CaseFacts, on: CalendarDate) => string | null;

/**
 * A country's rules, as data and small functions. The machine and the dispute core (objection →
 * assessment → creditor → debtor → court route or closure) are shared; a pack decides what
 * differs: the collection stages' letters, deadlines and fees, interest, holidays, the credit
 * remark, the court routes and limitation. Deadlines' day counts live beside the timer rules
 * (`deadlines/timer-rules.ts`, by pack id) so that the timers need no more than the pack's id.
 */
export interface RulePack {
  id: PackId;
  name: string;
  jurisdiction: Jurisdiction;
  currency: Invoice['currency'];
  /**
   * A fee a case of this pack recorded, computed again by the pack's fee functions from the inputs
   * it recorded and the tables in force on `on` (what verification compares it with); null when
   * the fee is not of this pack's tables. Throws when the recorded inputs do not compute.
   */
  recomputeFee(fee: FeeQuote, on: CalendarDate): FeeQuote | null;
  /** Late-payment interest, half-year by half-year. */
  interest: InterestTable;
  holidays: HolidayCalendar;
  /** Checks of a handover the pack adds to the shared ones (null: nothing to say). */
  validateHandover(command: HandOverClaim): Invalid | null;
  /** The agency's first steps on an undisputed claim just handed over (after `ClaimHandedOver`). */
  collectionStart(facts: CaseFacts, command: HandOverClaim): CaseEvent[];
  /** The first letter's deadline ran unpaid: the agency's next letter and its fees. */
  firstLetterDeadlinePassed(facts: CaseFacts, at: Instant): CaseEvent[];
  /** The refusals on top of the machine's, by action (actions of other packs' routes refused here). */
  preconditions: Partial<Record<CaseworkAction, Precondition>>;
  /** Whose documents the agency asks for when it asks (null: the Norwegian record names nobody). */
  documentsAskedOf: DocumentParty | null;
  /** What a caseworker reads for a state where the pack's words differ from the machine's labels. */
  labels: Partial<Record<CaseStatus, string>>;
  /** Whether the step a credit remark waits for has passed; a dispute code always blocks it besides. */
  creditRemarkStepPassed(facts: CaseFacts, asOf: CalendarDate): boolean;
}
