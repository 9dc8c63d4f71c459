import { lateInterest, type InterestAccrual, type Minor } from '../money';
import type { CalendarDate } from '../time/dates';
import type { CaseFacts } from '../state/case-state';
import { packOf } from '../packs';

export interface CaseAmounts {
  principal: Minor;
  credited: Minor;
  paid: Minor;
  /** Fees the debtor owes, before payments. */
  fees: Minor;
  /** Fees billed to the creditor (waived, or not chargeable to the debtor). */
  creditorFees: Minor;
  /** Interest accrued up to the day asked for. */
  interest: Minor;
  writtenOff: Minor;
  outstanding: Minor;
  outstandingPrincipal: Minor;
  outstandingCosts: Minor;
  outstandingInterest: Minor;
  disputed: Minor;
  collectable: Minor;
  surplus: Minor;
}

export function originalPrincipal(f: CaseFacts): Minor {
  return f.lines.reduce((sum, l) => sum + l.amount, 0);
}

export function creditedTotal(f: CaseFacts): Minor {
  return f.lines.reduce((sum, l) => sum + l.credited, 0);
}

/** The claim as it stands: principal less credits. */
export function claimPrincipal(f: CaseFacts): Minor {
  return originalPrincipal(f) - creditedTotal(f);
}

export function outstandingPrincipal(f: CaseFacts): Minor {
  const { paid, writtenOff } = f.ledger;
  return originalPrincipal(f) - creditedTotal(f) - paid.principal - writtenOff.principal;
}

/**
 * Interest not yet recorded in the ledger, from where the ledger stands up to `to`. Money
 * events record this accrual before they change the principal, so interest always runs on
 * the principal that was really outstanding each day.
 */
export function pendingInterest(f: CaseFacts, to: CalendarDate): InterestAccrual {
  const from = f.ledger.interestAccruedUntil;
  const principal = outstandingPrincipal(f);
  if (f.ledger.interestStopped || principal <= 0 || to <= from) {
    return { amount: 0, from, to: from, periods: [], table: 'none' };
  }
  return lateInterest(principal, from, to, packOf(f).interest);
}

/** Everything the debtor owes, by component, with interest as of `asOf`. */
export function owed(f: CaseFacts, asOf: CalendarDate): { costs: Minor; interest: Minor; principal: Minor } {
  const { ledger } = f;
  return {
    costs: ledger.debtorCosts - ledger.paid.costs - ledger.writtenOff.costs,
    interest:
      ledger.interestAccrued + pendingInterest(f, asOf).amount - ledger.paid.interest - ledger.writtenOff.interest,
    principal: outstandingPrincipal(f),
  };
}

/** What is left of the disputed lines after credits (payments do not shrink it); 0 without a dispute. */
export function disputedLinesClaim(f: CaseFacts): Minor {
  if (!f.dispute) return 0;
  const disputed = new Set(f.dispute.lineIds);
  return f.lines.filter((l) => disputed.has(l.lineId)).reduce((sum, l) => sum + l.amount - l.credited, 0);
}

/** Principal still open on the disputed lines (payments go to the undisputed part first). */
export function disputedPrincipal(f: CaseFacts): Minor {
  return Math.min(disputedLinesClaim(f), outstandingPrincipal(f));
}

export function amountsOf(f: CaseFacts, asOf: CalendarDate): CaseAmounts {
  const o = owed(f, asOf);
  const outstanding = o.costs + o.interest + o.principal;
  // A full objection holds the whole claim; a partial one only the disputed lines, while the
  // rest stays collectable: the debtor may not withhold what is not disputed.
  const disputed = !f.dispute ? 0 : f.dispute.scope === 'full' ? outstanding : disputedPrincipal(f);
  const { ledger } = f;
  return {
    principal: originalPrincipal(f),
    credited: creditedTotal(f),
    paid: ledger.paid.costs + ledger.paid.interest + ledger.paid.principal,
    fees: ledger.debtorCosts,
    creditorFees: ledger.creditorCosts,
    interest: ledger.interestAccrued + pendingInterest(f, asOf).amount,
    writtenOff: ledger.writtenOff.costs + ledger.writtenOff.interest + ledger.writtenOff.principal,
    outstanding,
    outstandingPrincipal: o.principal,
    outstandingCosts: o.costs,
    outstandingInterest: o.interest,
    disputed,
    collectable: f.closure ? 0 : outstanding - disputed,
    surplus: ledger.surplus,
  };
}
