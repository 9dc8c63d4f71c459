import { day } from '../../testing';
import { given } from '../decider-spec';
import { CASE, cancelled, interestUpTo, scheduled } from './history';

describe('payments and closure, on their exact events', () => {
  it(
    'given a payment demand sent, when the debtor pays everything owed, then the payment is allocated costs first, ' +
      'the case closes as paid and every open timer is cancelled',
    () => {
      const at = '2025-03-23T09:00:00.000Z';
      given(...CASE.inDemand)
        // 35 + 560 NOK of fees, 49.32 NOK interest (3 000 × 12.5 % × 48 / 365) and 3 000 NOK principal.
        .when({
          type: 'RegisterPayment',
          at: day(20),
          data: { amount: 3_644_32, paidOn: '2025-03-21', reference: 'KID 123' },
        })
        .then([
          {
            type: 'PaymentRegistered',
            data: {
              at,
              amount: 3_644_32,
              paidOn: '2025-03-21',
              reference: 'KID 123',
              interest: interestUpTo('2025-03-21', 48, 49_32),
              allocation: { costs: 595_00, interest: 49_32, principal: 3_000_00, surplus: 0 },
            },
          },
          // A payment acknowledges the debt: limitation runs anew from 21 Mar 2025 (warning 90 days before 2028).
          cancelled('limitationWarning', 1, at),
          scheduled('limitationWarning', 5, '2027-12-22T00:00:00.000Z', at),
          { type: 'ClaimPaidInFull', data: { at } },
          cancelled('demandDeadline', 3, at),
          cancelled('heavyFeeDue', 4, at),
          cancelled('limitationWarning', 5, at),
        ]);
    },
  );

  it(
    'given a payment demand sent, when the debtor pays part, then costs and interest are covered before principal ' +
      'and limitation restarts, while collection goes on',
    () => {
      const at = '2025-03-23T09:00:00.000Z';
      given(...CASE.inDemand)
        .when({
          type: 'RegisterPayment',
          at: day(20),
          data: { amount: 1_000_00, paidOn: '2025-03-21', reference: 'KID 123' },
        })
        .then([
          {
            type: 'PaymentRegistered',
            data: {
              at,
              amount: 1_000_00,
              paidOn: '2025-03-21',
              reference: 'KID 123',
              interest: interestUpTo('2025-03-21', 48, 49_32),
              allocation: { costs: 595_00, interest: 49_32, principal: 355_68, surplus: 0 },
            },
          },
          cancelled('limitationWarning', 1, at),
          scheduled('limitationWarning', 5, '2027-12-22T00:00:00.000Z', at),
        ]);
    },
  );

  it(
    'given an objection referred to the creditor, when the debtor pays everything owed, ' +
      'then the case closes as paid, dispute or not, and the creditor reply deadline is cancelled too',
    () => {
      const at = '2025-03-26T09:00:00.000Z';
      given(...CASE.referred)
        // 3 000 × 12.5 % × 51 / 365 = 52.40 NOK of interest to 24 Mar.
        .when({
          type: 'RegisterPayment',
          at: day(23),
          data: { amount: 3_647_40, paidOn: '2025-03-24', reference: 'KID 124' },
        })
        .then([
          {
            type: 'PaymentRegistered',
            data: {
              at,
              amount: 3_647_40,
              paidOn: '2025-03-24',
              reference: 'KID 124',
              interest: interestUpTo('2025-03-24', 51, 52_40),
              allocation: { costs: 595_00, interest: 52_40, principal: 3_000_00, surplus: 0 },
            },
          },
          cancelled('limitationWarning', 1, at),
          scheduled('limitationWarning', 6, '2027-12-25T00:00:00.000Z', at),
          { type: 'ClaimPaidInFull', data: { at } },
          cancelled('creditorReply', 5, at),
          cancelled('limitationWarning', 6, at),
        ]);
    },
  );

  it(
    'given a settlement being collected, when the debtor pays the settled amount, then the case closes as paid ' +
      'and the settlement and limitation timers are cancelled',
    () => {
      const at = '2025-05-22T09:00:00.000Z';
      given(...CASE.settled)
        .when({
          type: 'RegisterPayment',
          at: day(80),
          data: { amount: 2_500_00, paidOn: '2025-05-20', reference: 'KID 9' },
        })
        .then([
          {
            type: 'PaymentRegistered',
            data: {
              at,
              amount: 2_500_00,
              paidOn: '2025-05-20',
              reference: 'KID 9',
              // Interest stops at the settlement: everything owed beyond it was written off.
              interest: { amount: 0, from: '2025-05-02', to: '2025-05-02', periods: [], table: 'none' },
              allocation: { costs: 0, interest: 0, principal: 2_500_00, surplus: 0 },
            },
          },
          cancelled('limitationWarning', 9, at),
          scheduled('limitationWarning', 10, '2035-02-19T00:00:00.000Z', at),
          { type: 'ClaimPaidInFull', data: { at } },
          cancelled('settlementDue', 8, at),
          cancelled('limitationWarning', 10, at),
        ]);
    },
  );

  it(
    'given an inkassovarsel sent, when the creditor withdraws the claim, ' +
      'then the case closes as withdrawn and its notice and limitation timers are cancelled',
    () => {
      const at = '2025-03-08T09:00:00.000Z';
      given(...CASE.inNotice)
        .when({ type: 'WithdrawClaim', at: day(5), data: { reason: 'Settled directly with the debtor' } })
        .then([
          { type: 'ClaimWithdrawn', data: { at, reason: 'Settled directly with the debtor' } },
          cancelled('noticeDeadline', 2, at),
          cancelled('limitationWarning', 1, at),
        ]);
    },
  );

  it(
    'given the heavy fee stage, when a caseworker closes the case as uncollectable, ' +
      'then it closes with the reason and note, and the limitation warning is cancelled',
    () => {
      const at = '2025-05-12T09:00:00.000Z';
      given(...CASE.atHeavyFee)
        .when({
          type: 'CloseCase',
          at: day(70),
          data: { reason: 'uncollectable', note: 'Debtor emigrated, no assets.' },
        })
        .then([
          { type: 'CaseClosed', data: { at, reason: 'uncollectable', note: 'Debtor emigrated, no assets.' } },
          cancelled('limitationWarning', 1, at),
        ]);
    },
  );
});
