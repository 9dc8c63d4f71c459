import { FIRST_INTEREST_DAY, noticeFee } from '../money';
import { addDays, dateOf, isCalendarDate } from '../time/dates';
import type { HandOverClaim } from '../commands/case-commands';
import type { CaseEvent, ClaimHandedOver } from '../events/case-events';
import { initialCaseState } from '../state/case-state';
import { evolveFacts } from '../state/evolve-facts';
import { demandDeadlines, dueFor, startOfDay } from '../deadlines/timer-rules';
import { charge, lightFeeFor } from './charges';
import { recommendFiler } from './recommendation';
import { invalid, type Draft } from './rejection';

export function decideHandOver(command: HandOverClaim): Draft {
  const { data, at } = command;
  const problem = validate(command);
  if (problem) return problem;

  const handedOver: ClaimHandedOver = {
    type: 'ClaimHandedOver',
    data: {
      at,
      caseId: data.caseId,
      creditorId: data.creditorId,
      creditorReference: data.creditorReference,
      debtor: data.debtor,
      invoice: data.invoice,
      noticeAlreadySentOn: data.noticeAlreadySentOn ?? null,
      disputedBeforeHandover: data.disputedBeforeHandover ?? null,
    },
  };
  const facts = evolveFacts(initialCaseState.facts, handedOver)!;
  const events: CaseEvent[] = [handedOver];

  if (data.disputedBeforeHandover) {
    // Omtvistet: no collection step may be taken and no fee charged to the debtor (§ 17).
    events.push({
      type: 'ClaimRegisteredAsDisputed',
      data: { at, debtorStatement: data.disputedBeforeHandover.debtorStatement, recommendation: recommendFiler(facts) },
    });
    return events;
  }
  const sentOn = data.noticeAlreadySentOn;
  if (!sentOn) {
    events.push(
      {
        type: 'CollectionNoticeSent',
        data: { at, sentBy: 'agency', sentOn: dateOf(at), deadlineAt: dueFor('noticeDeadline', at) },
      },
      charge(facts, noticeFee(dateOf(at)), at),
    );
    return events;
  }
  const noticeDeadline = dueFor('noticeDeadline', startOfDay(sentOn));
  if (noticeDeadline > at) {
    // The creditor's own notice keeps running; the agency takes over its deadline.
    events.push({ type: 'CollectionNoticeSent', data: { at, sentBy: 'creditor', sentOn, deadlineAt: noticeDeadline } });
    return events;
  }
  events.push(
    {
      type: 'PaymentDemandSent',
      data: { at, ...demandDeadlines(at) },
    },
    charge(facts, lightFeeFor(facts, at), at),
  );
  return events;
}

function validate({ data, at }: HandOverClaim): ReturnType<typeof invalid> | null {
  for (const key of ['caseId', 'creditorId', 'creditorReference'] as const) {
    if (!data[key]?.trim()) return invalid(`${key} is required.`, key);
  }
  const { invoice, debtor } = data;
  if (debtor.kind !== 'consumer' && debtor.kind !== 'business')
    return invalid('debtor.kind must be consumer or business.', 'debtor.kind');
  if (invoice.currency !== 'NOK') {
    return invalid('Only NOK claims are handled: the Danish rule pack (DKK) is not available yet.', 'invoice.currency');
  }
  for (const key of ['issueDate', 'dueDate'] as const) {
    if (!isCalendarDate(invoice[key])) return invalid(`invoice.${key} must be a date (YYYY-MM-DD).`, `invoice.${key}`);
  }
  if (invoice.dueDate < invoice.issueDate)
    return invalid('The due date cannot be before the issue date.', 'invoice.dueDate');
  if (addDays(invoice.dueDate, 1) < FIRST_INTEREST_DAY) {
    const first = FIRST_INTEREST_DAY;
    return invalid(
      `The claim fell due before ${first}, the first day late-payment interest is known for.`,
      'invoice.dueDate',
    );
  }
  if (invoice.lines.length === 0) return invalid('An invoice needs at least one order line.', 'invoice.lines');
  const ids = new Set<string>();
  for (const [i, line] of invoice.lines.entries()) {
    if (!line.lineId?.trim()) return invalid('Every line needs a lineId.', `invoice.lines.${i}.lineId`);
    if (ids.has(line.lineId)) return invalid(`Line id ${line.lineId} is used twice.`, `invoice.lines.${i}.lineId`);
    ids.add(line.lineId);
    if (!Number.isSafeInteger(line.amount) || line.amount <= 0) {
      return invalid('A line amount is a positive whole number of minor units (øre).', `invoice.lines.${i}.amount`);
    }
  }
  const today = dateOf(at);
  if (data.disputedBeforeHandover) {
    if (!data.disputedBeforeHandover.debtorStatement?.trim()) {
      return invalid(
        "The debtor's words are required for a claim disputed before handover.",
        'disputedBeforeHandover.debtorStatement',
      );
    }
    return null;
  }
  // Collection may start only after the due date (inkassoloven § 9).
  if (today <= invoice.dueDate)
    return invalid(
      'The invoice is not overdue yet: collection cannot start before its due date has passed.',
      'invoice.dueDate',
    );
  const sentOn = data.noticeAlreadySentOn;
  if (sentOn) {
    if (!isCalendarDate(sentOn))
      return invalid('noticeAlreadySentOn must be a date (YYYY-MM-DD).', 'noticeAlreadySentOn');
    if (sentOn <= invoice.dueDate)
      return invalid('A collection notice can only be sent after the due date (§ 9).', 'noticeAlreadySentOn');
    if (sentOn > today) return invalid('noticeAlreadySentOn cannot be in the future.', 'noticeAlreadySentOn');
  }
  return null;
}
