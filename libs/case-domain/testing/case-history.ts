import {
  commandAt,
  decide,
  evolve,
  initialCaseState,
  type CaseCommandRequest,
  type CaseEvent,
  type CaseState,
} from '../src';
import { handover } from './case-spec';

/** The instant of a day of the realistic case: day 0 is Monday 3 March 2025, 09:00 UTC. */
export const caseHistoryDay = (day: number) => new Date(Date.UTC(2025, 2, 3 + day, 9)).toISOString();

/**
 * The commands of one realistic case, each on its day: handover, objection, replies, board.
 * `caseId` and `creditorReference` name the case (a bench runs many through the command path).
 */
export function caseHistoryCommands(
  caseId = 'template',
  creditorReference = 'INV-1',
): Array<CaseCommandRequest & { day: number }> {
  return [
    {
      day: 0,
      type: 'HandOverClaim',
      // The debtor's postal address makes the stored events as large as real ones.
      data: handover({
        caseId,
        creditorReference,
        debtor: {
          ...handover().debtor,
          contact: { ...handover().debtor.contact, postalAddress: 'Storgata 1, 0155 Oslo' },
        },
      }),
    },
    {
      day: 5,
      type: 'RegisterObjection',
      data: { lineIds: ['L2'], debtorStatement: 'The service visit never took place.', channel: 'written' },
    },
    { day: 6, type: 'ReferObjectionToCreditor', data: { note: 'Please comment on the visit.' } },
    {
      day: 12,
      type: 'RecordCreditorReply',
      data: { reply: 'maintain', feeDecision: 'keep', comment: 'Technician log attached.' },
    },
    { day: 13, type: 'RecordDebtorContact', data: { channel: 'phone', reached: false } },
    { day: 13, type: 'RecordDebtorContact', data: { channel: 'letter' } },
    { day: 20, type: 'RecordDebtorAnswer', data: { answer: 'maintainsDispute', summary: 'Still disputes the visit.' } },
    { day: 22, type: 'DecideOnConciliation', data: { choice: 'agencyFiles' } },
    { day: 25, type: 'FileConciliationComplaint', data: { board: 'Oslo forliksråd' } },
    {
      day: 60,
      type: 'RecordBoardOutcome',
      data: { outcome: 'judgmentForCreditor', summary: 'Judgment for the creditor.' },
    },
  ];
}

/** One realistic case history, decided by the real machine: handover, objection, replies, board. */
export function caseHistory(): CaseEvent[] {
  const commands = caseHistoryCommands();
  let state: CaseState = initialCaseState;
  const history: CaseEvent[] = [];
  for (const { day, ...command } of commands) {
    const decision = decide(state, commandAt(command, caseHistoryDay(day)));
    if (!decision.ok) throw new Error(`bench history: ${decision.rejection.message}`);
    for (const e of decision.events) state = evolve(state, e);
    history.push(...decision.events);
  }
  return history;
}
