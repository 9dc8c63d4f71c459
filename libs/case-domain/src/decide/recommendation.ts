import type { Recommendation } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { outstandingPrincipal } from '../views/amounts';

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
