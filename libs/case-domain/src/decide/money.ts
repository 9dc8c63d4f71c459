import { allocatePayment } from '../money';
import { dateOf, isCalendarDate, type Instant } from '../time/dates';
import type { CommandOf } from '../commands/case-commands';
import type { CaseEvent, CreditLine, CreditNoteIssued } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { evolveFacts } from '../state/evolve-facts';
import { outstandingPrincipal, owed, pendingInterest } from '../views/amounts';
import { invalid, type Draft } from './rejection';

function isSettled(facts: CaseFacts, asOf: string): boolean {
  const o = owed(facts, asOf);
  return o.costs + o.interest + o.principal === 0;
}

/**
 * A credit note, and what follows from it: nothing left of the claim closes the case;
 * crediting every disputed line ends the dispute and collection resumes on the rest.
 */
export function creditLines(facts: CaseFacts, at: Instant, lines: CreditLine[], reason: string): CaseEvent[] {
  const today = dateOf(at);
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  const excess = Math.max(0, amount - outstandingPrincipal(facts));
  const writeOffReversed = Math.min(excess, facts.ledger.writtenOff.principal);
  const note: CreditNoteIssued = {
    type: 'CreditNoteIssued',
    data: {
      at,
      lines,
      amount,
      reason,
      interest: pendingInterest(facts, today),
      writeOffReversed,
      refund: excess - writeOffReversed,
    },
  };
  const after = evolveFacts(facts, note)!;
  if (after.lines.every((l) => l.credited === l.amount)) {
    const left = owed(after, today);
    return [
      note,
      { type: 'ClaimCreditedInFull', data: { at, writtenOff: { costs: left.costs, interest: left.interest } } },
    ];
  }
  if (isSettled(after, today)) return [note, { type: 'ClaimPaidInFull', data: { at } }];
  const disputed = after.dispute?.lineIds ?? [];
  const disputeEnds =
    after.dispute?.scope === 'partial' &&
    after.lines.filter((l) => disputed.includes(l.lineId)).every((l) => l.credited === l.amount);
  return disputeEnds ? [note, { type: 'DisputeResolved', data: { at, resolution: 'disputedLinesCredited' } }] : [note];
}

export const moneyDeciders = {
  RegisterPayment(facts: CaseFacts, { at, data }: CommandOf<'RegisterPayment'>): Draft {
    if (!Number.isSafeInteger(data.amount) || data.amount <= 0) {
      return invalid('amount is a positive whole number of minor units (øre).', 'amount');
    }
    if (!isCalendarDate(data.paidOn)) return invalid('paidOn must be a date (YYYY-MM-DD).', 'paidOn');
    if (data.paidOn > dateOf(at)) return invalid('A payment cannot be registered before it is made.', 'paidOn');
    if (!data.reference?.trim()) return invalid('A payment reference is required.', 'reference');

    // Interest up to the payment day is settled first, so the allocation sees what was owed that day.
    const interest = pendingInterest(facts, data.paidOn);
    const due = owed(facts, data.paidOn);
    const allocation = allocatePayment(data.amount, due);
    const payment: CaseEvent = {
      type: 'PaymentRegistered',
      data: { at, amount: data.amount, paidOn: data.paidOn, reference: data.reference, interest, allocation },
    };
    const after = evolveFacts(facts, payment)!;
    return isSettled(after, dateOf(at)) ? [payment, { type: 'ClaimPaidInFull', data: { at } }] : [payment];
  },

  IssueCreditNote(facts: CaseFacts, { at, data }: CommandOf<'IssueCreditNote'>): Draft {
    if (!data.reason?.trim()) return invalid('A reason is required.', 'reason');
    if (!data.lines?.length) return invalid('A credit note names at least one line.', 'lines');
    const seen = new Set<string>();
    for (const [i, credit] of data.lines.entries()) {
      const line = facts.lines.find((l) => l.lineId === credit.lineId);
      if (!line) return invalid(`Line ${credit.lineId} is not on this invoice.`, `lines.${i}.lineId`);
      if (seen.has(credit.lineId)) return invalid(`Line ${credit.lineId} is named twice.`, `lines.${i}.lineId`);
      seen.add(credit.lineId);
      if (!Number.isSafeInteger(credit.amount) || credit.amount <= 0) {
        return invalid('A credit is a positive whole number of minor units (øre).', `lines.${i}.amount`);
      }
      if (credit.amount > line.amount - line.credited) {
        return invalid(
          `Line ${line.lineId} has only ${line.amount - line.credited} left to credit.`,
          `lines.${i}.amount`,
        );
      }
    }
    return creditLines(facts, at, data.lines, data.reason);
  },
};
