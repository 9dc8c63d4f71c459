/** The harness's simulated day (its clock starts on Monday 2025-03-03). */
export const DAY = '2025-03-03';

type Json = Record<string, unknown>;

let references = 0;
/** A body each route takes in some state (the README's walkthrough and the DTOs). */
export function validBody(template: string): Json {
  const route = template.replace('/cases/{caseId}/', '');
  switch (route) {
    case '/cases':
      return {
        creditorId: 'creditor-a',
        creditorReference: `FUZZ-${references++ % 400}`,
        debtor: { id: 'd-1', name: 'Kari Nordmann', kind: 'consumer', contact: { phone: '+4791234567' } },
        invoice: {
          number: '1',
          issueDate: '2025-01-15',
          dueDate: '2025-02-01',
          currency: 'NOK',
          lines: [
            { lineId: 'L1', description: 'Installation', amount: 200000 },
            { lineId: 'L2', description: 'Service', amount: 100000 },
          ],
        },
      };
    case 'objections':
      return { debtorStatement: 'No visit', channel: 'written' };
    case 'objection/rejection':
      return { writtenAnswer: 'The visit is documented.' };
    case 'objection/document-request':
      return { request: 'Send the contract.' };
    case 'objection/documents':
      return { description: 'Contract received.' };
    case 'objection/referral':
      return {};
    case 'creditor-reply':
      return { reply: 'maintain', feeDecision: 'keep' };
    case 'debtor-contacts':
      return { channel: 'phone', reached: true, summary: 'Still disputes', answer: 'maintainsDispute' };
    case 'debtor-answer':
      return { answer: 'maintainsDispute', summary: 'Still disputes' };
    case 'payments':
      return { amount: 5000, paidOn: DAY, reference: 'KID 1' };
    case 'credit-notes':
      return { lines: [{ lineId: 'L2', amount: 10000 }], reason: 'Goodwill' };
    case 'withdrawal':
      return { reason: 'Settled directly' };
    case 'conciliation-decision':
      return { choice: 'agencyFiles' };
    case 'conciliation-complaint':
      return { board: 'Oslo forliksråd' };
    case 'board-outcome':
      return { outcome: 'settlement', amount: 100000, dueDate: '2025-06-01' };
    case 'closure':
      return { reason: 'other', note: 'Closed by the fuzzer' };
    case '/dev/clock':
      return { advanceDays: 1 };
    default:
      return {};
  }
}

/** The command each case route gives (the controller's `@CommandRoute`s). */
export const COMMAND_OF_ROUTE = {
  objections: 'RegisterObjection',
  'objection/rejection': 'RejectObjection',
  'objection/document-request': 'RequestDocuments',
  'objection/documents': 'RecordDocumentsReceived',
  'objection/referral': 'ReferObjectionToCreditor',
  'creditor-reply': 'RecordCreditorReply',
  'debtor-contacts': 'RecordDebtorContact',
  'debtor-answer': 'RecordDebtorAnswer',
  payments: 'RegisterPayment',
  'credit-notes': 'IssueCreditNote',
  withdrawal: 'WithdrawClaim',
  'conciliation-decision': 'DecideOnConciliation',
  'conciliation-complaint': 'FileConciliationComplaint',
  'board-outcome': 'RecordBoardOutcome',
  closure: 'CloseCase',
} as const;
