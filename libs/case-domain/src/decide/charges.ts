import { heavyFee, lightFee, type FeeKind, type FeeQuote, type Minor } from '../money';
import { dateOf, type Instant } from '../time/dates';
import type { FeeCharged } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { claimPrincipal, disputedLinesClaim } from '../views/amounts';

/** A fee goes to the debtor unless the claim was disputed before handover or the creditor waived. */
export function charge(facts: CaseFacts, fee: FeeQuote, at: Instant, replaces: FeeKind | null = null): FeeCharged {
  const chargedTo = facts.feesChargeableToDebtor ? 'debtor' : 'creditor';
  // A replacing fee lower than what the debtor already paid (the claim was credited down a
  // bracket) leaves the difference to be refunded, never a negative balance.
  const replaced = facts.fees
    .filter((f) => f.active && f.kind === replaces && f.chargedTo === 'debtor')
    .reduce((s, f) => s + f.amount, 0);
  const costsAfter = facts.ledger.debtorCosts - replaced + (chargedTo === 'debtor' ? fee.amount : 0);
  const refund = Math.max(0, facts.ledger.paid.costs + facts.ledger.writtenOff.costs - costsAfter);
  return { type: 'FeeCharged', data: { at, fee, chargedTo, replaces, refund } };
}

/**
 * The claim a collection fee is sized by: its principal less credits (payments do not shrink it),
 * and while a partial objection is open, less the disputed lines: collection goes on with the
 * undisputed amount only (RULES.md § 2b).
 */
export function collectedClaim(facts: CaseFacts): Minor {
  const claim = claimPrincipal(facts);
  return facts.dispute?.scope === 'partial' ? claim - disputedLinesClaim(facts) : claim;
}

export function lightFeeFor(facts: CaseFacts, at: Instant): FeeQuote {
  return lightFee(collectedClaim(facts), facts.debtor.kind, dateOf(at));
}

export function heavyFeeFor(facts: CaseFacts, at: Instant): FeeQuote {
  return heavyFee(collectedClaim(facts), facts.debtor.kind, dateOf(at));
}
