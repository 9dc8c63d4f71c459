import type { Recommendation } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { outstandingPrincipal } from '../views/amounts';
import { packIdOf } from '../packs/pack-id';

/** Danish pack: up to this size the small-claims process suits the agency (rpl ch. 39); above it, a civil case. */
const DANISH_SMALL_CLAIMS_LIMIT = 50_000_00;

/** The Danish pack's advice (policy, RULES-DK.md § 6): the agency takes small claims, the creditor the rest. */
function recommendDanishFiler(facts: CaseFacts): Recommendation {
  if (facts.disputedBeforeHandover) {
    return {
      filer: 'creditor',
      reason:
        'Disputed before handover: it may not be collected and no fees can be charged, so the creditor goes to court itself.',
    };
  }
  if (!facts.feesChargeableToDebtor) {
    return {
      filer: 'creditor',
      reason: 'The fee claim was waived: the agency’s court costs would fall on the creditor.',
    };
  }
  if (outstandingPrincipal(facts) > DANISH_SMALL_CLAIMS_LIMIT) {
    return {
      filer: 'creditor',
      reason: 'Over 50 000 DKK: an ordinary civil case, better run by the creditor’s lawyer.',
    };
  }
  return {
    filer: 'agency',
    reason: 'Fees are chargeable to the debtor and the claim fits the small-claims process (≤ 50 000 DKK).',
  };
}

/**
 * From this size a claim may skip the board when both parties have lawyers (tvisteloven
 * § 6-2), and the board may not give judgment on one party's request (§ 6-10): the creditor
 * is better placed to run it.
 */
export const BOARD_JUDGMENT_LIMIT = 200_000_00;

/**
 * Who should file the forliksklage. When the debtor cannot be made to pay the fees, the
 * agency's costs fall on the creditor, so filing itself is cheaper for the creditor.
 */
export function recommendFiler(facts: CaseFacts): Recommendation {
  if (packIdOf(facts) === 'DK') return recommendDanishFiler(facts);
  if (facts.disputedBeforeHandover) {
    return {
      filer: 'creditor',
      reason:
        'Disputed before handover: collection fees cannot be charged to the debtor, so filing directly is cheaper.',
    };
  }
  if (!facts.feesChargeableToDebtor) {
    return {
      filer: 'creditor',
      reason: 'The fee claim was waived: the agency’s filing costs would fall on the creditor.',
    };
  }
  if (outstandingPrincipal(facts) >= BOARD_JUDGMENT_LIMIT) {
    return {
      filer: 'creditor',
      reason: 'Claim of 200 000 NOK or more: the board cannot give judgment on one party’s request.',
    };
  }
  return {
    filer: 'agency',
    reason: 'Fees are chargeable to the debtor and the claim is within the board’s competence.',
  };
}
