import type { CaseEvent, CaseworkAction } from '../../src';
import { DAY0, day, handover } from '../../testing';
import { given } from '../decider-spec';
import { CASE, scheduled } from './history';

const IN_COLLECTION: CaseworkAction[] = [
  'RegisterObjection',
  'RegisterPayment',
  'IssueCreditNote',
  'WithdrawClaim',
  'CloseCase',
];

describe('what the decider refuses, on the exact rejection', () => {
  it('given no case, when a payment is registered, then the case is not found and only a handover is allowed', () => {
    given()
      .when({ type: 'RegisterPayment', at: DAY0, data: { amount: 100_00, paidOn: '2025-03-03', reference: 'KID 1' } })
      .thenRejected({ kind: 'caseNotFound', command: 'RegisterPayment', state: 'new', allowed: ['HandOverClaim'] });
  });

  it(
    'given an inkassovarsel sent, when a creditor reply is recorded, then it is not allowed in that state, ' +
      'and the actions that are allowed are named',
    () => {
      given(...CASE.inNotice)
        .when({ type: 'RecordCreditorReply', at: day(1), data: { reply: 'maintain', feeDecision: 'keep' } })
        .thenRejected({
          kind: 'notAllowed',
          command: 'RecordCreditorReply',
          state: 'collection.notice',
          allowed: IN_COLLECTION,
          message: 'RecordCreditorReply is not allowed while the case is collection.notice.',
        });
    },
  );

  it('given a case, when the same claim is handed over again, then it is not allowed', () => {
    given(...CASE.inNotice)
      .when({ type: 'HandOverClaim', at: day(1), data: handover() })
      .thenRejected({
        kind: 'notAllowed',
        command: 'HandOverClaim',
        state: 'collection.notice',
        allowed: IN_COLLECTION,
      });
  });

  it('given a withdrawn case, when a payment is registered, then a closed case accepts nothing', () => {
    given(...CASE.inNotice, {
      type: 'ClaimWithdrawn',
      data: { at: '2025-03-08T09:00:00.000Z', reason: 'Settled directly with the debtor' },
    })
      .when({ type: 'RegisterPayment', at: day(6), data: { amount: 100_00, paidOn: '2025-03-08', reference: 'KID 2' } })
      .thenRejected({ kind: 'notAllowed', command: 'RegisterPayment', state: 'closed', allowed: [] });
  });

  it('given a notice deadline that has fired, when it fires again, then nothing happens twice', () => {
    given(...CASE.inDemand)
      .when({ type: 'FireDeadline', at: day(15), data: { timerId: 'case-1/noticeDeadline/2' } })
      .thenRejected({
        kind: 'notAllowed',
        command: 'FireDeadline',
        state: 'collection.demand',
        allowed: IN_COLLECTION,
        message: 'Timer case-1/noticeDeadline/2 is not open on this case: it has fired or was cancelled.',
      });
  });

  it(
    'given a heavy fee timer cancelled by an objection, when the timer service fires it anyway, ' +
      'then it is refused and no heavy fee is charged',
    () => {
      given(...CASE.objected)
        .when({ type: 'FireDeadline', at: day(57), data: { timerId: 'case-1/heavyFeeDue/4' } })
        .thenRejected({
          kind: 'notAllowed',
          command: 'FireDeadline',
          state: 'dispute.assessing',
          allowed: [
            'RejectObjection',
            'RequestDocuments',
            'ReferObjectionToCreditor',
            'RegisterPayment',
            'IssueCreditNote',
            'WithdrawClaim',
            'CloseCase',
          ],
          message: 'Timer case-1/heavyFeeDue/4 is not open on this case: it has fired or was cancelled.',
        });
    },
  );

  it(
    'given a notice deadline left open in a dispute (as an older machine version might have left it), ' +
      'when it fires, then it is dropped, in the history, with the reason',
    () => {
      const stray: CaseEvent = scheduled('noticeDeadline', 99, '2025-03-17T09:00:00.000Z', DAY0);
      given(...CASE.objected, stray)
        .when({ type: 'FireDeadline', at: day(24), data: { timerId: 'case-1/noticeDeadline/99' } })
        .then([
          {
            type: 'DeadlineCancelled',
            data: {
              at: '2025-03-27T09:00:00.000Z',
              timerId: 'case-1/noticeDeadline/99',
              kind: 'noticeDeadline',
              reason: 'PaymentDemandSent is not allowed while the case is dispute.assessing',
            },
          },
        ]);
    },
  );

  it(
    'given an inkassovarsel sent, when the debtor objects to a line not on the invoice, then it is invalid, ' +
      'naming the field',
    () => {
      given(...CASE.inNotice)
        .when({
          type: 'RegisterObjection',
          at: day(1),
          data: { lineIds: ['L9'], debtorStatement: 'Not mine.', channel: 'oral' },
        })
        .thenRejected({ kind: 'invalid', field: 'lineIds', state: 'collection.notice', allowed: IN_COLLECTION });
    },
  );

  it(
    'given an inkassovarsel sent, when a payment dated tomorrow is registered, ' +
      'then it is invalid, naming the field',
    () => {
      given(...CASE.inNotice)
        .when({
          type: 'RegisterPayment',
          at: day(1),
          data: { amount: 100_00, paidOn: '2025-03-05', reference: 'KID 3' },
        })
        .thenRejected({
          kind: 'invalid',
          field: 'paidOn',
          message: 'A payment cannot be registered before it is made.',
        });
    },
  );

  it('given no case, when a claim not yet due is handed over, then it is invalid, naming the field', () => {
    given()
      .when({
        type: 'HandOverClaim',
        at: DAY0,
        data: handover({ invoice: { ...handover().invoice, dueDate: '2025-03-03' } }),
      })
      .thenRejected({ kind: 'invalid', command: 'HandOverClaim', field: 'invoice.dueDate', state: 'new' });
  });

  it(
    'given the agency is to file, when it files more than 6 months after the payment demand, ' +
      'then a new betalingsoppfordring is needed first (§ 11)',
    () => {
      given(...CASE.agencyFiles)
        .when({ type: 'FileConciliationComplaint', at: '2025-09-18T09:00:00.000Z', data: { board: 'Oslo forliksråd' } })
        .thenRejected({
          kind: 'notAllowed',
          command: 'FileConciliationComplaint',
          state: 'dispute.preparingComplaint',
          message: 'More than 6 months since the payment demand: a new betalingsoppfordring must be sent first (§ 11).',
        });
    },
  );
});
