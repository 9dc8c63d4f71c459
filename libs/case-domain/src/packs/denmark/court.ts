import { addDays, dateOf } from '../../time/dates';
import { danishHolidays, deadlineAfter } from '../../deadlines/working-days';
import { limitationDateOf } from '../../deadlines/timer-rules';
import type { CommandOf } from '../../commands/case-commands';
import { COURT_CLAIM_ROUTES, COURT_OUTCOME_EVENTS, variantsOf } from '../../commands/command-variants';
import type { CaseEvent } from '../../events/case-events';
import type { CaseFacts } from '../../state/case-state';
import { charge } from '../../decide/charges';
import { invalid, type Draft } from '../../decide/rejection';
import { outstandingPrincipal } from '../../views/amounts';
import { danishCourtFees } from './fees';
import { COURT_REPLY_DAYS, SMALL_CLAIMS_LIMIT } from './tables';

/**
 * Limitation this close means a betalingspåkrav that ends on the debtor's objection would leave
 * no time to sue: the one-year grace of forældelsesloven § 20 does not cover the creditor's own
 * form choice. Within it the engine always asks the court to continue as a civil case.
 */
export const LIMITATION_NEAR_DAYS = 365;

/** The Danish court routes (RULES-DK.md § 6); refusals by case figures are in the pack's preconditions. */
export const courtDeciders = {
  FilePaymentOrder(facts: CaseFacts, { at, data }: CommandOf<'FilePaymentOrder'>): Draft {
    if (!data.court?.trim()) return invalid("The bailiff's court (fogedret) is required.", 'court');
    const filedOn = dateOf(at);
    const claim = outstandingPrincipal(facts);
    const continueForced = limitationDateOf(facts) <= addDays(filedOn, LIMITATION_NEAR_DAYS);
    const continueAsCivilCase = continueForced || data.continueAsCivilCase === true;
    return [
      {
        type: 'PaymentOrderFiled',
        data: {
          at,
          filedOn,
          court: data.court,
          claim,
          replyDeadlineAt: deadlineAfter(at, COURT_REPLY_DAYS, true, danishHolidays),
          continueAsCivilCase,
          continueForced: continueForced && data.continueAsCivilCase !== true,
          limitationInterrupted: true,
        },
      },
      ...danishCourtFees('paymentOrder', claim, filedOn).map((fee) => charge(facts, fee, at)),
    ];
  },

  FileCourtClaim(facts: CaseFacts, { at, data }: CommandOf<'FileCourtClaim'>): Draft {
    if (!COURT_CLAIM_ROUTES.includes(data.route))
      return invalid(`route must be one of ${COURT_CLAIM_ROUTES.join(', ')}.`, 'route');
    if (!data.court?.trim()) return invalid('The court (byret) is required.', 'court');
    const value = outstandingPrincipal(facts);
    if (data.route === 'smallClaims' && value > SMALL_CLAIMS_LIMIT)
      return invalid('The small-claims process is for claims of at most 50 000 DKK (rpl ch. 39).', 'route');
    const filedOn = dateOf(at);
    return [
      {
        type: 'CourtClaimFiled',
        data: { at, filedOn, court: data.court, route: data.route, value, limitationInterrupted: true },
      },
      ...danishCourtFees(data.route, value, filedOn).map((fee) => charge(facts, fee, at)),
    ];
  },

  RecordCourtOutcome(facts: CaseFacts, { at, data }: CommandOf<'RecordCourtOutcome'>): Draft {
    const type = COURT_OUTCOME_EVENTS[data.outcome];
    if (!type) return invalid(`outcome must be one of ${variantsOf(COURT_OUTCOME_EVENTS).join(', ')}.`, 'outcome');
    const summary = data.summary ?? '';
    if (type === 'PaymentOrderOpposed' && facts.court?.continueAsCivilCase)
      return [{ type: 'PaymentOrderContinuedAsCivilCase', data: { at, summary } }];
    const event: CaseEvent =
      type === 'CourtJudgmentForCreditor'
        ? { type, data: { at, summary, byDefault: data.outcome === 'defaultJudgment' } }
        : { type, data: { at, summary } };
    return [event];
  },
};
