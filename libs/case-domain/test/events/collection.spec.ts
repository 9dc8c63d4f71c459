import { DAY0, day, handover } from '../../testing';
import { given } from '../decider-spec';
import {
  CASE,
  CREDITOR_FILES_AS_DISPUTED_BEFORE,
  DEMAND_DEADLINE_PASSED,
  DEMAND_SENT,
  HANDED_OVER,
  HEAVY_FEE_REACHED,
  LIGHT_FEE,
  LIMITATION_WARNING_DUE,
  charged,
  claimHandedOver,
  fired,
  scheduled,
} from './history';

describe('collection, on its exact events', () => {
  it(
    'given no case, when a claim is handed over, then the agency sends the inkassovarsel with a 14-day deadline, ' +
      'charges the notice fee and sets the limitation warning',
    () => {
      given().when({ type: 'HandOverClaim', at: DAY0, data: handover() }).then(HANDED_OVER);
    },
  );

  it(
    'given no case, when a claim disputed before handover is handed over, then it is registered as disputed, ' +
      'with no collection step, no fee, and the advice that the creditor files itself',
    () => {
      const disputedBeforeHandover = { debtorStatement: 'I never ordered a service visit.' };
      given()
        .when({ type: 'HandOverClaim', at: DAY0, data: handover({ disputedBeforeHandover }) })
        .then([
          claimHandedOver({ disputedBeforeHandover }),
          scheduled('limitationWarning', 1, LIMITATION_WARNING_DUE, DAY0),
          {
            type: 'ClaimRegisteredAsDisputed',
            data: {
              at: DAY0,
              debtorStatement: 'I never ordered a service visit.',
              recommendation: CREDITOR_FILES_AS_DISPUTED_BEFORE,
            },
          },
        ]);
    },
  );

  it(
    "given no case, when a claim is handed over whose creditor's notice has run its 14 days, " +
      'then the agency sends the payment demand at once, with the light fee and the demand timers',
    () => {
      given()
        .when({ type: 'HandOverClaim', at: DAY0, data: handover({ noticeAlreadySentOn: '2025-02-11' }) })
        .then([
          claimHandedOver({ noticeAlreadySentOn: '2025-02-11' }),
          scheduled('limitationWarning', 1, LIMITATION_WARNING_DUE, DAY0),
          {
            type: 'PaymentDemandSent',
            data: { at: DAY0, deadlineAt: '2025-03-17T09:00:00.000Z', heavyFeeFrom: '2025-04-15T09:00:00.000Z' },
          },
          scheduled('demandDeadline', 2, '2025-03-17T09:00:00.000Z', DAY0),
          scheduled('heavyFeeDue', 3, '2025-04-15T09:00:00.000Z', DAY0),
          charged(LIGHT_FEE, DAY0),
        ]);
    },
  );

  it(
    "given no case, when a claim is handed over whose creditor's notice is still running, " +
      'then the agency takes over its deadline and charges no notice fee',
    () => {
      given()
        .when({ type: 'HandOverClaim', at: DAY0, data: handover({ noticeAlreadySentOn: '2025-02-26' }) })
        .then([
          claimHandedOver({ noticeAlreadySentOn: '2025-02-26' }),
          scheduled('limitationWarning', 1, LIMITATION_WARNING_DUE, DAY0),
          {
            type: 'CollectionNoticeSent',
            data: { at: DAY0, sentBy: 'creditor', sentOn: '2025-02-26', deadlineAt: '2025-03-12T00:00:00.000Z' },
          },
          scheduled('noticeDeadline', 2, '2025-03-12T00:00:00.000Z', DAY0),
        ]);
    },
  );

  it(
    'given an inkassovarsel sent, when its 14-day deadline fires, then the payment demand is sent ' +
      'with the light fee, its 14-day deadline and the day-43 heavy fee timer',
    () => {
      given(...CASE.inNotice)
        .when({ type: 'FireDeadline', at: day(14), data: { timerId: 'case-1/noticeDeadline/2' } })
        .then(DEMAND_SENT);
    },
  );

  it(
    'given an inkassovarsel sent, when the timer service fires its deadline two days late, ' +
      'then everything happens as of the deadline itself',
    () => {
      given(...CASE.inNotice)
        .when({ type: 'FireDeadline', at: day(16), data: { timerId: 'case-1/noticeDeadline/2' } })
        .then(DEMAND_SENT);
    },
  );

  it(
    'given a payment demand sent, when its 14-day deadline fires, then the deadline is recorded as passed ' +
      'and the case waits for the heavy fee',
    () => {
      given(...CASE.inDemand)
        .when({ type: 'FireDeadline', at: day(28), data: { timerId: 'case-1/demandDeadline/3' } })
        .then(DEMAND_DEADLINE_PASSED);
    },
  );

  it(
    'given a payment demand unpaid past its deadline, when the heavy fee falls due on day 43, ' +
      'then the heavy fee stage is reached and the heavy fee replaces the light fee',
    () => {
      given(...CASE.demandDeadlinePassed)
        .when({ type: 'FireDeadline', at: day(57), data: { timerId: 'case-1/heavyFeeDue/4' } })
        .then(HEAVY_FEE_REACHED);
    },
  );

  it(
    'given a case in collection, when the limitation warning fires, then the warning names the limitation date, ' +
      'three years from the due date',
    () => {
      given(...CASE.inNotice)
        .when({ type: 'FireDeadline', at: LIMITATION_WARNING_DUE, data: { timerId: 'case-1/limitationWarning/1' } })
        .then([
          fired('limitationWarning', 1, LIMITATION_WARNING_DUE),
          { type: 'LimitationWarningIssued', data: { at: LIMITATION_WARNING_DUE, limitationDate: '2028-02-01' } },
        ]);
    },
  );
});
