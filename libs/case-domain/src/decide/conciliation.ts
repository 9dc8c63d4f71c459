import { courtFee, heavyFee, lightFee, type Minor } from '../money';
import { dateOf, isCalendarDate } from '../time/dates';
import { dueFor } from '../deadlines/timer-rules';
import type { CommandOf } from '../commands/case-commands';
import type { ConciliationComplaintFiled } from '../events/case-events';
import { BOARD_OUTCOME_EVENTS, CONCILIATION_CHOICE_EVENTS, variantsOf } from '../commands/command-variants';
import type { CaseFacts } from '../state/case-state';
import { claimPrincipal, owed, pendingInterest } from '../views/amounts';
import { charge } from './charges';
import { recommendFiler } from './recommendation';
import { invalid, type Draft } from './rejection';

/**
 * The fee claimed in the forliksklage follows the stage the objection came at: an objection
 * at the light-fee stage is filed with the light fee, even if the case went further.
 */
function feeClaimed(facts: CaseFacts, on: string): ConciliationComplaintFiled['data']['feeClaimed'] {
  const stage = facts.stageAtObjection;
  if (!facts.feesChargeableToDebtor || (stage !== 'lightFee' && stage !== 'heavyFee')) {
    return { stage, kind: null, amount: 0 };
  }
  const quote = (stage === 'lightFee' ? lightFee : heavyFee)(claimPrincipal(facts), facts.debtor.kind, on);
  return { stage, kind: quote.kind, amount: quote.amount };
}

/** What a settlement gives up, taken from interest first, then costs, then principal. */
function writeOffFor(due: { costs: Minor; interest: Minor; principal: Minor }, settledAt: Minor) {
  let rest = due.costs + due.interest + due.principal - settledAt;
  const take = (available: Minor) => {
    const t = Math.min(available, rest);
    rest -= t;
    return t;
  };
  const interest = take(due.interest);
  const costs = take(due.costs);
  return { costs, interest, principal: take(due.principal) };
}

export const conciliationDeciders = {
  DecideOnConciliation(facts: CaseFacts, { at, data }: CommandOf<'DecideOnConciliation'>): Draft {
    const type = CONCILIATION_CHOICE_EVENTS[data.choice];
    if (!type) return invalid(`choice must be one of ${variantsOf(CONCILIATION_CHOICE_EVENTS).join(', ')}.`, 'choice');
    const recommendation = recommendFiler(facts);
    return type === 'BoardDeclined'
      ? [{ type, data: { at, recommendation, comment: data.comment ?? '' } }]
      : [{ type, data: { at, recommendation } }];
  },

  FileConciliationComplaint(facts: CaseFacts, { at, data }: CommandOf<'FileConciliationComplaint'>): Draft {
    if (!data.board?.trim()) return invalid('The conciliation board (forliksråd) is required.', 'board');
    const filedOn = dateOf(at);
    return [
      {
        type: 'ConciliationComplaintFiled',
        data: { at, filedOn, board: data.board, feeClaimed: feeClaimed(facts, filedOn), limitationInterrupted: true },
      },
      charge(facts, courtFee(filedOn), at),
    ];
  },

  SendNewPaymentDemand(_: CaseFacts, { at }: CommandOf<'SendNewPaymentDemand'>): Draft {
    // No new fee: the light fee for the betalingsoppfordring was charged with the first one.
    return [{ type: 'NewPaymentDemandSent', data: { at, deadlineAt: dueFor('newDemandDeadline', at) } }];
  },

  RecordBoardOutcome(facts: CaseFacts, { at, data }: CommandOf<'RecordBoardOutcome'>): Draft {
    if (data.outcome !== 'settlement') {
      const type = BOARD_OUTCOME_EVENTS[data.outcome];
      if (!type) return invalid(`outcome must be one of ${variantsOf(BOARD_OUTCOME_EVENTS).join(', ')}.`, 'outcome');
      return [{ type, data: { at, summary: data.summary ?? '' } }];
    }
    const today = dateOf(at);
    if (!Number.isSafeInteger(data.amount) || data.amount <= 0)
      return invalid('amount is a positive whole number of minor units (øre).', 'amount');
    if (!isCalendarDate(data.dueDate)) return invalid('dueDate must be a date (YYYY-MM-DD).', 'dueDate');
    if (data.dueDate < today) return invalid('A settlement cannot fall due in the past.', 'dueDate');
    const due = owed(facts, today);
    const total = due.costs + due.interest + due.principal;
    if (data.amount > total) return invalid(`The settlement exceeds what is owed (${total}).`, 'amount');
    return [
      {
        type: 'BoardSettlementReached',
        data: {
          at,
          amount: data.amount,
          dueDate: data.dueDate,
          interest: pendingInterest(facts, today),
          writtenOff: writeOffFor(due, data.amount),
        },
      },
    ];
  },
};
