import { addDays, dateOf, isCalendarDate } from '../time/dates';
import type { HandOverClaim } from '../commands/case-commands';
import type { CaseEvent, ClaimHandedOver } from '../events/case-events';
import { initialCaseState } from '../state/case-state';
import { evolveFacts } from '../state/evolve-facts';
import { packFor, type RulePack } from '../packs';
import { recommendFiler } from './recommendation';
import { invalid, type Draft } from './rejection';

/**
 * A claim handed over: its jurisdiction and currency pick the rule pack, recorded in the first
 * event (only when it is not Norway's, so a Norwegian first event reads as it always did); the
 * pack then takes the agency's first steps.
 */
export function decideHandOver(command: HandOverClaim): Draft {
  const { data, at } = command;
  const chosen = packFor(data.jurisdiction, data.invoice?.currency);
  const problem = validate(command, chosen);
  if (problem) return problem;
  const pack = (chosen as { pack: RulePack }).pack;

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
      ...(pack.id !== 'NO' && { rulePack: pack.id }),
      ...(data.remindersSentOn?.length && { remindersSentOn: [...data.remindersSentOn].sort() }),
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
  events.push(...pack.collectionStart(facts, command));
  return events;
}

function validate(command: HandOverClaim, chosen: ReturnType<typeof packFor>): ReturnType<typeof invalid> | null {
  const { data, at } = command;
  for (const key of ['caseId', 'creditorId', 'creditorReference'] as const) {
    if (!data[key]?.trim()) return invalid(`${key} is required.`, key);
  }
  const { invoice, debtor } = data;
  if (debtor.kind !== 'consumer' && debtor.kind !== 'business')
    return invalid('debtor.kind must be consumer or business.', 'debtor.kind');
  if ('refusal' in chosen) return invalid(chosen.refusal, chosen.field);
  const { pack } = chosen;
  for (const key of ['issueDate', 'dueDate'] as const) {
    if (!isCalendarDate(invoice[key])) return invalid(`invoice.${key} must be a date (YYYY-MM-DD).`, `invoice.${key}`);
  }
  if (invoice.dueDate < invoice.issueDate)
    return invalid('The due date cannot be before the issue date.', 'invoice.dueDate');
  const firstInterestDay = pack.interest.rows[0].from;
  if (addDays(invoice.dueDate, 1) < firstInterestDay) {
    const first = firstInterestDay;
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
  return pack.validateHandover(command);
}
