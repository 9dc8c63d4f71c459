import { decide, evolve, initialCaseState, type CaseCommand, type CaseEvent, type CaseState } from '../src';

/** One realistic case history, decided by the real machine: handover, objection, replies, board. */
export function caseHistory(): CaseEvent[] {
  const at = (day: number) => new Date(Date.UTC(2025, 2, 3 + day, 9)).toISOString();
  const commands: Array<Omit<CaseCommand, 'at'> & { day: number }> = [
    {
      day: 0,
      type: 'HandOverClaim',
      data: {
        caseId: 'template',
        creditorId: 'creditor-a',
        creditorReference: 'INV-1',
        debtor: {
          id: 'd-1',
          name: 'Kari Nordmann',
          kind: 'consumer',
          contact: { phone: '+4791234567', email: 'kari@example.no', postalAddress: 'Storgata 1, 0155 Oslo' },
        },
        invoice: {
          number: '1001',
          issueDate: '2025-01-15',
          dueDate: '2025-02-01',
          currency: 'NOK',
          lines: [
            { lineId: 'L1', description: 'Installation of heat pump', amount: 2_000_00 },
            { lineId: 'L2', description: 'Service visit', amount: 1_000_00 },
          ],
        },
      },
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
  ] as never;
  let state: CaseState = initialCaseState;
  const history: CaseEvent[] = [];
  for (const { day, ...command } of commands) {
    const decision = decide(state, { ...command, at: at(day) } as CaseCommand);
    if (!decision.ok) throw new Error(`bench history: ${decision.rejection.message}`);
    for (const e of decision.events) state = evolve(state, e);
    history.push(...decision.events);
  }
  return history;
}
