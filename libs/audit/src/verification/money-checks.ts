import {
  amountsOf,
  COLLECTION_FEE_TABLE,
  courtFee,
  creditorDemandFee,
  dateOf,
  heavyFee,
  lightFee,
  noticeFee,
  reminderFee,
  type CaseFacts,
  type CaseEvent,
  type DebtorKind,
  type FeeQuote,
  type InterestAccrual,
} from '@app/case-domain';
import stringify from 'safe-stable-stringify';

/** The Norwegian tables verification can recompute a fee from; others are counted, not judged. */
const NORWEGIAN_FEE_TABLES = new Set(['NO-inkassosats', COLLECTION_FEE_TABLE.id, 'NO-rettsgebyr-forliksklage']);

/**
 * The fee recomputed with the domain's own functions from the inputs the event recorded (the
 * claim, the debtor's kind) and the tables in force on the day it was charged. Null when it
 * holds; else why not.
 */
export function feeProblem(fee: FeeQuote, at: string): string | null {
  if (!NORWEGIAN_FEE_TABLES.has(fee.basis.table)) return null;
  const on = dateOf(at);
  const figures = fee.basis.figures;
  let again: FeeQuote;
  try {
    again = recompute(fee.kind, figures, on);
  } catch (error) {
    return `${fee.kind} does not recompute on ${on}: ${(error as Error).message}`;
  }
  if (again.amount !== fee.amount)
    return `${fee.kind} recorded ${fee.amount}, its recorded figures give ${again.amount} on ${on}`;
  if (stringify(again.basis.figures) !== stringify(figures))
    return `${fee.kind} recorded figures ${stringify(figures)}, the tables in force on ${on} give ${stringify(again.basis.figures)}`;
  return null;
}

function recompute(kind: FeeQuote['kind'], figures: Record<string, number | string>, on: string): FeeQuote {
  switch (kind) {
    case 'notice':
      return noticeFee(on);
    case 'reminder':
      return reminderFee(on);
    case 'creditorDemand':
      return creditorDemandFee(on);
    case 'courtFee':
      return courtFee(on);
    case 'lightFee':
      return lightFee(Number(figures.claim), figures.debtor as DebtorKind, on);
    case 'heavyFee':
      return heavyFee(Number(figures.claim), figures.debtor as DebtorKind, on);
    default:
      // Only fees of the Norwegian tables reach here (see NORWEGIAN_FEE_TABLES).
      throw new Error(`${kind} is not a fee of the Norwegian tables`);
  }
}

/**
 * A money event records the interest accrued up to its day on the principal then outstanding;
 * the case before it, folded, says what that comes to. Null when it holds.
 */
export function interestProblem(before: CaseFacts | null, event: CaseEvent): string | null {
  const interest = (event.data as { interest?: InterestAccrual }).interest;
  if (!interest || !before) return null;
  if (interest.table !== 'none' && interest.table !== 'NO-forsinkelsesrente') return null;
  const expected = amountsOf(before, interest.to).interest - before.ledger.interestAccrued;
  if (expected !== interest.amount)
    return `interest recorded ${interest.amount} up to ${interest.to}, the case before it gives ${expected}`;
  const periods = interest.periods.reduce((sum, p) => sum + p.amount, 0);
  // Each period is rounded alone and the whole once, so they may differ by under an øre per period.
  if (Math.abs(periods - interest.amount) > interest.periods.length)
    return `interest recorded ${interest.amount}, its periods add up to ${periods}`;
  return null;
}
