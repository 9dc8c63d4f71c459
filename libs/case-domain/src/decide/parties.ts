import type { CommandOf } from '../commands/case-commands';
import type { CaseEvent } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { owed } from '../views/amounts';
import { dateOf } from '../time/dates';
import { dueFor } from '../deadlines/timer-rules';
import { packIdOf } from '../packs/pack-id';
import { creditLines } from './money';
import { recommendFiler } from './recommendation';
import { invalid, type Draft } from './rejection';
import {
  DEBTOR_ANSWER_EVENTS,
  MANUAL_CLOSURE_REASONS,
  variantsOf,
  type DebtorAnswer,
} from '../commands/command-variants';

function debtorAnswer(facts: CaseFacts, at: string, answer: DebtorAnswer, summary: string): CaseEvent {
  const type = DEBTOR_ANSWER_EVENTS[answer];
  return type === 'DebtorAcceptedClaim'
    ? { type, data: { at, summary } }
    : { type, data: { at, summary, recommendation: recommendFiler(facts) } };
}

export const partyDeciders = {
  RecordCreditorReply(facts: CaseFacts, { at, data }: CommandOf<'RecordCreditorReply'>): Draft {
    const comment = data.comment ?? '';
    if (data.reply === 'maintain') {
      if (data.feeDecision !== 'keep' && data.feeDecision !== 'waive') {
        return invalid('The creditor must decide the fee claim: keep or waive.', 'feeDecision');
      }
      const events: CaseEvent[] = [
        { type: 'CreditorMaintainedClaim', data: { at, comment, feeDecision: data.feeDecision } },
      ];
      if (data.feeDecision === 'waive') {
        events.push({ type: 'FeesWaived', data: { at, amount: owed(facts, dateOf(at)).costs, byCreditor: true } });
      }
      return events;
    }
    const disputed = facts.dispute?.lineIds ?? [];
    const lines = facts.lines
      .filter((l) => disputed.includes(l.lineId) && l.amount > l.credited)
      .map((l) => ({ lineId: l.lineId, amount: l.amount - l.credited }));
    return [
      { type: 'CreditorUpheldObjection', data: { at, comment, lineIds: disputed } },
      ...creditLines(facts, at, lines, 'The creditor upheld the objection'),
    ];
  },

  RecordDebtorContact(facts: CaseFacts, { at, data }: CommandOf<'RecordDebtorContact'>): Draft {
    if (data.channel === 'letter' || data.channel === 'email') {
      return [
        {
          type: 'ClaimConfirmedToDebtor',
          data: { at, channel: data.channel, paymentDeadlineAt: dueFor('debtorPaymentDeadline', at, packIdOf(facts)) },
        },
      ];
    }
    if (!('reached' in data) || !data.reached) return [{ type: 'DebtorNotReachedByPhone', data: { at } }];
    if (!data.summary?.trim()) return invalid('A summary of the call is required.', 'summary');
    if (!(data.answer in DEBTOR_ANSWER_EVENTS)) {
      return invalid(`The debtor's answer must be one of ${variantsOf(DEBTOR_ANSWER_EVENTS).join(', ')}.`, 'answer');
    }
    return [
      { type: 'DebtorReachedByPhone', data: { at, summary: data.summary } },
      debtorAnswer(facts, at, data.answer, data.summary),
    ];
  },

  RecordDebtorAnswer(facts: CaseFacts, { at, data }: CommandOf<'RecordDebtorAnswer'>): Draft {
    if (!data.summary?.trim()) return invalid("A summary of the debtor's answer is required.", 'summary');
    if (!(data.answer in DEBTOR_ANSWER_EVENTS)) {
      return invalid(`The debtor's answer must be one of ${variantsOf(DEBTOR_ANSWER_EVENTS).join(', ')}.`, 'answer');
    }
    return [debtorAnswer(facts, at, data.answer, data.summary)];
  },

  WithdrawClaim(_: CaseFacts, { at, data }: CommandOf<'WithdrawClaim'>): Draft {
    return data.reason?.trim()
      ? [{ type: 'ClaimWithdrawn', data: { at, reason: data.reason } }]
      : invalid('A reason is required.', 'reason');
  },

  CloseCase(_: CaseFacts, { at, data }: CommandOf<'CloseCase'>): Draft {
    if (!MANUAL_CLOSURE_REASONS.includes(data.reason)) {
      return invalid(`reason must be one of ${MANUAL_CLOSURE_REASONS.join(', ')}.`, 'reason');
    }
    if (!data.note?.trim()) return invalid('A note explaining the closure is required.', 'note');
    return [{ type: 'CaseClosed', data: { at, reason: data.reason, note: data.note } }];
  },
};
