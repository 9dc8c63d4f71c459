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

/** One realistic case history, decided by the real machine: handover, objection, replies, board. */
export function caseHistory(): CaseEvent[] {
  const at = (day: number) => new Date(Date.UTC(2025, 2, 3 + day, 9)).toISOString();
  const commands: Array<CaseCommandRequest & { day: number }> = [
    {
      day: 0,
      type: 'HandOverClaim',
      // The debtor's postal address makes the stored events as large as real ones.
      data: handover({
        caseId: 'template',
        creditorReference: 'INV-1',
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
  let state: CaseState = initialCaseState;
  const history: CaseEvent[] = [];
  for (const { day, ...command } of commands) {
    const decision = decide(state, commandAt(command, at(day)));
    if (!decision.ok) throw new Error(`bench history: ${decision.rejection.message}`);
    for (const e of decision.events) state = evolve(state, e);
    history.push(...decision.events);
  }
  return history;
}
