import type { CaseEvent } from '../../src';
import { DAY0, day } from '../../testing';
import { given } from '../decider-spec';
import {
  AGENCY_FILES,
  AGENCY_FILING_CHOSEN,
  CASE,
  COMPLAINT_FILED,
  COURT_FEE,
  CREDITOR_FILES_AS_DISPUTED_BEFORE,
  LIMITATION_WARNING_DUE,
  SETTLEMENT_REACHED,
  cancelled,
  charged,
  claimHandedOver,
  scheduled,
} from './history';

const DISPUTED_BEFORE_HANDOVER: CaseEvent[] = [
  claimHandedOver({ disputedBeforeHandover: { debtorStatement: 'I never ordered a service visit.' } }),
  scheduled('limitationWarning', 1, LIMITATION_WARNING_DUE, DAY0),
  {
    type: 'ClaimRegisteredAsDisputed',
    data: {
      at: DAY0,
      debtorStatement: 'I never ordered a service visit.',
      recommendation: CREDITOR_FILES_AS_DISPUTED_BEFORE,
    },
  },
];

const AGENCY_FILING_AGAINST_ADVICE: CaseEvent = {
  type: 'AgencyFilingChosen',
  data: { at: '2025-03-08T09:00:00.000Z', recommendation: CREDITOR_FILES_AS_DISPUTED_BEFORE },
};

describe('the conciliation board, on its exact events', () => {
  it(
    'given the debtor maintains the dispute, when the creditor lets the agency file, ' +
      'then the choice is recorded with the recommendation it was given',
    () => {
      given(...CASE.debtorMaintainsDispute)
        .when({ type: 'DecideOnConciliation', at: day(36), data: { choice: 'agencyFiles' } })
        .then(AGENCY_FILING_CHOSEN);
    },
  );

  it(
    'given the agency is to file, when it files the forliksklage, then it claims the light fee ' +
      'of the stage the objection came at, charges the court fee of 1.1 R ' +
      'and, limitation being interrupted, cancels the limitation warning',
    () => {
      given(...CASE.agencyFiles)
        .when({ type: 'FileConciliationComplaint', at: day(42), data: { board: 'Oslo forliksråd' } })
        .then(COMPLAINT_FILED);
    },
  );

  it(
    'given a forliksklage at the board, when a settlement is reached, then interest to date is recorded, ' +
      'what is given up is written off (interest, then costs, then principal) and the settlement is collected',
    () => {
      given(...CASE.atTheBoard)
        .when({
          type: 'RecordBoardOutcome',
          at: day(60),
          data: { outcome: 'settlement', amount: 2_500_00, dueDate: '2025-05-30' },
        })
        .then(SETTLEMENT_REACHED);
    },
  );

  it.each([
    ['a judgment for the creditor', 'judgmentForCreditor', 'BoardJudgmentForCreditor'],
    ['a default judgment', 'defaultJudgment', 'DefaultJudgmentGiven'],
    ['a judgment for the debtor', 'judgmentForDebtor', 'BoardJudgmentForDebtor'],
    ['no agreement', 'noAgreement', 'BoardReferredCase'],
  ] as const)(
    'given a forliksklage at the board, when the board gives %s, then the case closes on that event alone ' +
      '(no timer is open: the forliksklage interrupted limitation)',
    (_, outcome, type) => {
      given(...CASE.atTheBoard)
        .when({ type: 'RecordBoardOutcome', at: day(60), data: { outcome, summary: 'Board decision 12/2025' } })
        .then([{ type, data: { at: '2025-05-02T09:00:00.000Z', summary: 'Board decision 12/2025' } }]);
    },
  );

  it(
    'given the debtor maintains the dispute, when the creditor chooses to file itself, ' +
      'then the case is handed back and its limitation warning cancelled',
    () => {
      const at = '2025-04-08T09:00:00.000Z';
      given(...CASE.debtorMaintainsDispute)
        .when({ type: 'DecideOnConciliation', at: day(36), data: { choice: 'creditorFiles' } })
        .then([
          { type: 'CreditorFilingChosen', data: { at, recommendation: AGENCY_FILES } },
          cancelled('limitationWarning', 1, at),
        ]);
    },
  );

  it(
    'given the debtor maintains the dispute, when the creditor chooses to close, ' +
      'then the case closes without the board and its limitation warning is cancelled',
    () => {
      const at = '2025-04-08T09:00:00.000Z';
      given(...CASE.debtorMaintainsDispute)
        .when({ type: 'DecideOnConciliation', at: day(36), data: { choice: 'close', comment: 'Not worth it.' } })
        .then([
          { type: 'BoardDeclined', data: { at, recommendation: AGENCY_FILES, comment: 'Not worth it.' } },
          cancelled('limitationWarning', 1, at),
        ]);
    },
  );
});

describe('a claim disputed before handover at the board, on its exact events', () => {
  it(
    'given a claim disputed before handover, when the creditor lets the agency file all the same, ' +
      'then the choice is recorded against the advice that the creditor files itself',
    () => {
      given(...DISPUTED_BEFORE_HANDOVER)
        .when({ type: 'DecideOnConciliation', at: day(5), data: { choice: 'agencyFiles' } })
        .then([AGENCY_FILING_AGAINST_ADVICE]);
    },
  );

  it(
    'given a claim disputed before handover that the agency is to file, when it files, ' +
      'then no collection fee is claimed and the court fee is billed to the creditor',
    () => {
      const at = '2025-03-13T09:00:00.000Z';
      given(...DISPUTED_BEFORE_HANDOVER, AGENCY_FILING_AGAINST_ADVICE)
        .when({ type: 'FileConciliationComplaint', at: day(10), data: { board: 'Oslo forliksråd' } })
        .then([
          {
            type: 'ConciliationComplaintFiled',
            data: {
              at,
              filedOn: '2025-03-13',
              board: 'Oslo forliksråd',
              feeClaimed: { stage: null, kind: null, amount: 0 },
              limitationInterrupted: true,
            },
          },
          cancelled('limitationWarning', 1, at),
          charged(COURT_FEE, at, 'creditor'),
        ]);
    },
  );
});
