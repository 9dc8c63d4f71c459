import {
  addDays,
  allowedActions,
  allowedOptions,
  amountsOf,
  dateOf,
  type CaseCommandRequest,
  type CaseState,
  type CaseworkAction,
} from '../../src';
import type { Random } from './random';
import { STATEMENTS } from './parties';

/**
 * How a case tends to go: most debtors pay, some slowly or by instalments, a quarter dispute the
 * claim, a few never answer; a very few run for hundreds of events (a long instalment plan).
 */
export type Temper = 'payer' | 'slow' | 'disputer' | 'instalments' | 'silent' | 'marathon';
const TEMPERS: Record<Temper, number> = {
  payer: 40,
  slow: 18,
  disputer: 25,
  instalments: 5,
  silent: 11.7,
  marathon: 0.3,
};

export interface Habit {
  temper: Temper;
  /** Mean days between the moves of the people on the case. */
  gapDays: number;
  /** How many moves people make before the case is left to its timers. */
  moves: number;
}

export function habitOf(rng: Random): Habit {
  const temper = rng.weighted(TEMPERS);
  switch (temper) {
    case 'payer':
      return { temper, gapDays: 10, moves: rng.int(1, 3) };
    case 'slow':
      return { temper, gapDays: 30, moves: rng.int(2, 10) };
    case 'disputer':
      return { temper, gapDays: 5, moves: rng.int(4, 30) };
    case 'instalments':
      return { temper, gapDays: 30, moves: rng.int(12, 60) };
    case 'silent':
      return { temper, gapDays: 60, moves: rng.int(0, 1) };
    case 'marathon':
      return { temper, gapDays: 4, moves: rng.int(150, 400) };
  }
}

/** Actions open in every state: taken now and then, or most walks would end at once. */
const ALWAYS_OPEN = new Set<CaseworkAction>(['RegisterPayment', 'IssueCreditNote', 'WithdrawClaim', 'CloseCase']);

function weightOf(habit: Habit, action: CaseworkAction, disputed: boolean): number {
  const { temper } = habit;
  if (action === 'RegisterObjection') return temper === 'disputer' ? 40 : temper === 'marathon' ? 0 : 0.3;
  if (action === 'RegisterPayment') {
    return { payer: 20, slow: 6, disputer: 0.6, instalments: 20, silent: 0.2, marathon: 20 }[temper];
  }
  if (action === 'IssueCreditNote') return temper === 'slow' ? 0.5 : 0.15;
  if (action === 'WithdrawClaim') return temper === 'silent' ? 2 : temper === 'marathon' ? 0 : 0.12;
  if (action === 'CloseCase') return temper === 'silent' ? 3 : temper === 'marathon' ? 0 : 0.08;
  // The dispute's own steps: a disputer's case goes through them; others take them when they come.
  return disputed ? 8 : 1;
}

/** A payment: the whole amount for a payer, a slice for the others (and an overpayment now and then). */
function payment(rng: Random, habit: Habit, outstanding: number, today: string): CaseCommandRequest {
  const share =
    habit.temper === 'payer'
      ? rng.chance(0.8)
        ? 1
        : rng.next()
      : habit.temper === 'instalments' || habit.temper === 'marathon'
        ? 0.01 + rng.next() * 0.08
        : rng.chance(0.25)
          ? 1
          : 0.1 + rng.next() * 0.4;
  const amount =
    share === 1 && rng.chance(0.05) ? outstanding + 50_00 : Math.max(1_00, Math.round(outstanding * share));
  return {
    type: 'RegisterPayment',
    data: { amount, paidOn: today, reference: `KID ${rng.int(10000000, 99999999)}` },
  };
}

/** The command a person gives the case now, chosen among those the machine allows; null when there is none. */
export function nextCommand(rng: Random, habit: Habit, state: CaseState, now: string): CaseCommandRequest | null {
  const today = dateOf(now);
  const allowed = allowedActions(state, today).filter((a) => a !== 'HandOverClaim');
  if (!allowed.length) return null;
  const facts = state.facts!;
  const disputed = facts.dispute !== null;
  const weights: Partial<Record<CaseworkAction, number>> = {};
  for (const action of allowed) weights[action] = weightOf(habit, action, disputed && !ALWAYS_OPEN.has(action));
  const action = rng.weighted(weights);
  const options = allowedOptions(state, [action])[action] ?? [];
  const variant = options.length ? rng.pick(options) : '';
  const outstanding = amountsOf(facts, today).outstanding;
  const open = facts.lines.filter((l) => l.credited < l.amount);
  switch (action) {
    case 'RegisterObjection':
      return {
        type: action,
        data: {
          lineIds: open.length > 1 && rng.chance(0.4) ? [rng.pick(open).lineId] : undefined,
          debtorStatement: rng.pick(STATEMENTS),
          channel: rng.chance(0.7) ? 'written' : 'oral',
        },
      };
    case 'RejectObjection':
      return {
        type: action,
        data: { writtenAnswer: 'The claim is documented by the signed order and the delivery note.' },
      };
    case 'RequestDocuments':
      return {
        type: action,
        data: { request: 'Please send the contract and any correspondence about the cancellation.' },
      };
    case 'RecordDocumentsReceived':
      return { type: action, data: { description: rng.pick(['Contract and receipts', 'E-mail exchange', 'Photos']) } };
    case 'ReferObjectionToCreditor':
      return { type: action, data: rng.chance(0.5) ? { note: 'Please comment on the debtor’s statement.' } : {} };
    case 'RecordCreditorReply':
      return variant === 'creditDisputedLines'
        ? { type: action, data: { reply: 'creditDisputedLines', comment: 'We accept the objection.' } }
        : { type: action, data: { reply: 'maintain', feeDecision: rng.chance(0.8) ? 'keep' : 'waive' } };
    case 'RecordDebtorContact':
      if (variant === 'phoneNotReached') return { type: action, data: { channel: 'phone', reached: false } };
      if (variant === 'phoneReached') {
        const answer = rng.chance(0.5) ? 'accepts' : 'maintainsDispute';
        return { type: action, data: { channel: 'phone', reached: true, summary: 'Spoke with the debtor', answer } };
      }
      return { type: action, data: { channel: variant === 'email' ? 'email' : 'letter' } };
    case 'RecordDebtorAnswer':
      return {
        type: action,
        data: { answer: variant === 'accepts' ? 'accepts' : 'maintainsDispute', summary: 'The debtor wrote back' },
      };
    case 'RegisterPayment':
      return payment(rng, habit, outstanding, today);
    case 'IssueCreditNote': {
      const line = rng.pick(open);
      const left = line.amount - line.credited;
      const amount = rng.chance(0.5) ? left : Math.max(1, Math.floor(left * rng.next()));
      return { type: action, data: { lines: [{ lineId: line.lineId, amount }], reason: 'Price reduction agreed' } };
    }
    case 'WithdrawClaim':
      return { type: action, data: { reason: 'The creditor withdrew the claim' } };
    case 'DecideOnConciliation':
      return { type: action, data: { choice: variant as 'agencyFiles' | 'creditorFiles' | 'close' } };
    case 'FileConciliationComplaint':
      return {
        type: action,
        data: { board: rng.pick(['Oslo forliksråd', 'Bergen forliksråd', 'Trondheim forliksråd']) },
      };
    case 'SendNewPaymentDemand':
      return { type: action, data: {} };
    case 'RecordBoardOutcome':
      return variant === 'settlement'
        ? {
            type: action,
            data: {
              outcome: 'settlement',
              amount: Math.max(1_00, Math.round(outstanding * (0.5 + rng.next() * 0.5))),
              dueDate: addDays(today, 30),
            },
          }
        : { type: action, data: { outcome: variant as 'judgmentForCreditor', summary: 'Decided by the board' } };
    case 'CloseCase':
      return {
        type: action,
        data: { reason: rng.pick(['uncollectable', 'debtorBankrupt', 'other'] as const), note: 'Closed' },
      };
    default:
      return null;
  }
}
