import {
  pendingInterest,
  dateOf,
  packOf,
  type CaseFacts,
  type CaseEvent,
  type FeeQuote,
  type InterestAccrual,
} from '@app/case-domain';
import stringify from 'safe-stable-stringify';

/**
 * The fee recomputed by the case's own rule pack (`RulePack.recomputeFee`: the pack's fee
 * functions, given the inputs the event recorded — the claim, the debtor's kind, the route — and
 * the tables in force on the day it was charged). Null when it holds; else why not. A fee of a
 * table the case's pack does not have is a finding: no rule of the case charged it.
 */
export function feeProblem(facts: CaseFacts, fee: FeeQuote, at: string): string | null {
  const pack = packOf(facts);
  const on = dateOf(at);
  const figures = fee.basis.figures;
  let again: FeeQuote | null;
  try {
    again = pack.recomputeFee(fee, on);
  } catch (error) {
    return `${fee.kind} does not recompute on ${on}: ${(error as Error).message}`;
  }
  if (!again)
    return `${fee.kind} was charged by the table ${fee.basis.table}, which the ${pack.name} rule pack does not have`;
  if (again.kind !== fee.kind || again.basis.table !== fee.basis.table)
    return `${fee.kind} recorded the table ${fee.basis.table}, its recorded figures give ${again.kind} by ${again.basis.table} on ${on}`;
  if (again.amount !== fee.amount)
    return `${fee.kind} recorded ${fee.amount}, its recorded figures give ${again.amount} on ${on}`;
  if (stringify(again.basis.figures) !== stringify(figures))
    return `${fee.kind} recorded figures ${stringify(figures)}, the tables in force on ${on} give ${stringify(again.basis.figures)}`;
  return null;
}

/**
 * A money event records the interest accrued up to its day on the principal then outstanding;
 * the case before it, folded, says what that comes to — by its rule pack's interest table. Null
 * when it holds.
 */
export function interestProblem(before: CaseFacts | null, event: CaseEvent): string | null {
  const interest = (event.data as { interest?: InterestAccrual }).interest;
  if (!interest || !before) return null;
  const table = packOf(before).interest.id;
  if (interest.table !== 'none' && interest.table !== table)
    return `interest recorded by the table ${interest.table}, the case's rule pack accrues it by ${table}`;
  // What the case's amounts would show accrued by then, less what its ledger already holds.
  const expected = pendingInterest(before, interest.to).amount;
  if (expected !== interest.amount)
    return `interest recorded ${interest.amount} up to ${interest.to}, the case before it gives ${expected}`;
  const periods = interest.periods.reduce((sum, p) => sum + p.amount, 0);
  // Each period is rounded alone and the whole once, so they may differ by under an øre per period.
  if (Math.abs(periods - interest.amount) > interest.periods.length)
    return `interest recorded ${interest.amount}, its periods add up to ${periods}`;
  return null;
}
