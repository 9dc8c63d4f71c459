import { day } from '../../testing';
import { given } from '../decider-spec';
import { CASE, CONFIRMED_BY_LETTER, DEBTOR_MAINTAINED_DISPUTE, cancelled, fired, scheduled } from './history';

describe('telling the debtor the claim stands, on the exact events', () => {
  it(
    'given the creditor maintains the claim, when the debtor is told by letter, ' +
      'then the claim is confirmed with a 14-day payment deadline, rolled past Easter',
    () => {
      given(...CASE.claimMaintained)
        .when({ type: 'RecordDebtorContact', at: day(31), data: { channel: 'letter' } })
        .then(CONFIRMED_BY_LETTER);
    },
  );

  it(
    'given the creditor maintains the claim, when the debtor is not reached by phone, ' +
      'then only the attempt is recorded',
    () => {
      given(...CASE.claimMaintained)
        .when({ type: 'RecordDebtorContact', at: day(31), data: { channel: 'phone', reached: false } })
        .then([{ type: 'DebtorNotReachedByPhone', data: { at: '2025-04-03T09:00:00.000Z' } }]);
    },
  );

  it(
    'given the creditor maintains the claim, when the debtor is reached by phone and accepts, ' +
      'then collection resumes at the demand stage and the acknowledgment restarts limitation',
    () => {
      const at = '2025-04-04T09:00:00.000Z';
      given(...CASE.claimMaintained)
        .when({
          type: 'RecordDebtorContact',
          at: day(32),
          data: { channel: 'phone', reached: true, summary: 'Will pay next week.', answer: 'accepts' },
        })
        .then([
          { type: 'DebtorReachedByPhone', data: { at, summary: 'Will pay next week.' } },
          { type: 'DebtorAcceptedClaim', data: { at, summary: 'Will pay next week.' } },
          // 14 days is Good Friday, rolled past Easter to Tuesday 22 April; the heavy fee follows once
          // 28 days have run after that deadline: Wednesday 21 May (not day 43 from sending).
          scheduled('demandDeadline', 6, '2025-04-22T09:00:00.000Z', at),
          scheduled('heavyFeeDue', 7, '2025-05-21T09:00:00.000Z', at),
          cancelled('limitationWarning', 1, at),
          // Three years from the acknowledgment (4 Apr 2028) less 90 days.
          scheduled('limitationWarning', 8, '2028-01-05T00:00:00.000Z', at),
        ]);
    },
  );

  it(
    'given the claim confirmed by letter, when its 14-day payment deadline passes in silence, ' +
      'then collection resumes at the demand stage with a new demand deadline and heavy fee timer',
    () => {
      const due = '2025-04-22T09:00:00.000Z';
      given(...CASE.confirmedByLetter)
        .when({ type: 'FireDeadline', at: day(50), data: { timerId: 'case-1/debtorPaymentDeadline/6' } })
        .then([
          fired('debtorPaymentDeadline', 6, due),
          { type: 'DebtorPaymentDeadlinePassed', data: { at: due } },
          scheduled('demandDeadline', 7, '2025-05-06T09:00:00.000Z', due),
          scheduled('heavyFeeDue', 8, '2025-06-04T09:00:00.000Z', due),
        ]);
    },
  );

  it(
    'given the claim confirmed by letter, when the debtor answers that the dispute stands, ' +
      'then the creditor is to decide on the board, advised that the agency files, ' +
      'and the payment deadline is cancelled',
    () => {
      given(...CASE.confirmedByLetter)
        .when({
          type: 'RecordDebtorAnswer',
          at: day(35),
          data: { answer: 'maintainsDispute', summary: 'Still says nobody came.' },
        })
        .then(DEBTOR_MAINTAINED_DISPUTE);
    },
  );
});
