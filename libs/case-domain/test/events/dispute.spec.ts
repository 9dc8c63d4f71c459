import type { CaseEvent, CreditorReplyOverdue, Instant } from '../../src';
import { day } from '../../testing';
import { given } from '../decider-spec';
import {
  CASE,
  CREDITOR_MAINTAINED,
  DEBTOR_STATEMENT,
  DEMAND_DEADLINE_PASSED,
  DEMAND_SENT,
  HEAVY_FEE_DUE,
  LIGHT_FEE,
  charged,
  HANDED_OVER,
  OBJECTED_AT_DEMAND,
  REFERRED_TO_CREDITOR,
  cancelled,
  fired,
  interestUpTo,
  scheduled,
} from './history';

const REMINDER_1_AT = '2025-04-07T09:00:00.000Z';
/** 14 days after the first reminder is Easter Monday 2025: the deadline rolls to the Tuesday. */
const REMINDER_2_AT = '2025-04-22T09:00:00.000Z';

const reminded = (reminderNumber: number, at: Instant): CreditorReplyOverdue => ({
  type: 'CreditorReplyOverdue',
  data: { at, reminderNumber, creditorReminded: true, debtorInformed: true },
});

describe('an objection and the creditor, on their exact events', () => {
  it(
    'given a payment demand sent, when the debtor objects to the whole invoice, then the objection is registered ' +
      'at the light-fee stage and the demand deadline and heavy fee timers are cancelled',
    () => {
      given(...CASE.inDemand)
        .when({
          type: 'RegisterObjection',
          at: day(20),
          data: { debtorStatement: DEBTOR_STATEMENT, channel: 'written' },
        })
        .then(OBJECTED_AT_DEMAND);
    },
  );

  it(
    'given the heavy fee stage, when the debtor objects, then the objection is registered at the heavy-fee stage ' +
      'and only the limitation warning runs on',
    () => {
      given(...CASE.atHeavyFee)
        .when({ type: 'RegisterObjection', at: day(60), data: { debtorStatement: 'Too expensive.', channel: 'oral' } })
        .then([
          {
            type: 'ObjectionRegistered',
            data: {
              at: '2025-05-02T09:00:00.000Z',
              scope: 'full',
              lineIds: ['L1', 'L2'],
              pausesCollection: true,
              debtorStatement: 'Too expensive.',
              channel: 'oral',
              stageAtObjection: 'heavyFee',
            },
          },
        ]);
    },
  );

  it(
    'given an objection to assess, when it is referred to the creditor, ' + 'then the creditor has 14 days to reply',
    () => {
      given(...CASE.objected)
        .when({ type: 'ReferObjectionToCreditor', at: day(21), data: { note: 'Please comment on the service visit.' } })
        .then(REFERRED_TO_CREDITOR);
    },
  );

  it(
    'given an objection referred to the creditor, when its 14-day deadline fires, then the creditor is reminded, ' +
      'the debtor informed and the next reminder scheduled',
    () => {
      given(...CASE.referred)
        .when({ type: 'FireDeadline', at: day(35), data: { timerId: 'case-1/creditorReply/5' } })
        .then([
          fired('creditorReply', 5, REMINDER_1_AT),
          reminded(1, REMINDER_1_AT),
          scheduled('creditorReply', 6, REMINDER_2_AT, REMINDER_1_AT),
        ]);
    },
  );

  it(
    'given a creditor reminded once, when the next deadline fires, then it is the second reminder, ' +
      'and a third is scheduled 14 days on',
    () => {
      given(
        ...CASE.referred,
        fired('creditorReply', 5, REMINDER_1_AT),
        reminded(1, REMINDER_1_AT),
        scheduled('creditorReply', 6, REMINDER_2_AT, REMINDER_1_AT),
      )
        .when({ type: 'FireDeadline', at: day(50), data: { timerId: 'case-1/creditorReply/6' } })
        .then([
          fired('creditorReply', 6, REMINDER_2_AT),
          reminded(2, REMINDER_2_AT),
          scheduled('creditorReply', 7, '2025-05-06T09:00:00.000Z', REMINDER_2_AT),
        ]);
    },
  );

  it(
    'given an objection referred to the creditor, when the creditor maintains the claim and keeps the fee claim, ' +
      'then the reply deadline is cancelled',
    () => {
      given(...CASE.referred)
        .when({
          type: 'RecordCreditorReply',
          at: day(30),
          data: { reply: 'maintain', feeDecision: 'keep', comment: 'The visit is logged.' },
        })
        .then(CREDITOR_MAINTAINED);
    },
  );

  it(
    'given an objection referred to the creditor, when the creditor maintains the claim but waives the fees, ' +
      'then the notice and light fees charged so far (35 + 560 NOK) are waived',
    () => {
      const at = '2025-04-02T09:00:00.000Z';
      given(...CASE.referred)
        .when({ type: 'RecordCreditorReply', at: day(30), data: { reply: 'maintain', feeDecision: 'waive' } })
        .then([
          { type: 'CreditorMaintainedClaim', data: { at, comment: '', feeDecision: 'waive' } },
          cancelled('creditorReply', 5, at),
          { type: 'FeesWaived', data: { at, amount: 595_00, byCreditor: true } },
        ]);
    },
  );
});

describe('a partial objection, on its exact events', () => {
  const partialObjection: CaseEvent[] = [
    {
      type: 'ObjectionRegistered',
      data: {
        at: '2025-03-23T09:00:00.000Z',
        scope: 'partial',
        lineIds: ['L2'],
        pausesCollection: false,
        debtorStatement: DEBTOR_STATEMENT,
        channel: 'written',
        stageAtObjection: 'lightFee',
      },
    },
  ];

  it(
    'given a payment demand sent, when the debtor disputes one line, then the objection is partial, on that line, ' +
      'and collection goes on: the demand deadline and heavy fee timers keep running',
    () => {
      given(...CASE.inDemand)
        .when({
          type: 'RegisterObjection',
          at: day(20),
          data: { lineIds: ['L2'], debtorStatement: DEBTOR_STATEMENT, channel: 'written' },
        })
        .then(partialObjection);
    },
  );

  it(
    'given the smaller of two lines disputed, when day 43 passes unpaid, then the heavy fee is charged ' +
      'on the undisputed 2 000 NOK (bracket up to 2 500 NOK), replacing the light fee',
    () => {
      given(...CASE.inDemand, ...partialObjection, ...DEMAND_DEADLINE_PASSED)
        .when({ type: 'FireDeadline', at: day(60), data: { timerId: 'case-1/heavyFeeDue/4' } })
        .then([
          { type: 'DeadlineFired', data: { at: HEAVY_FEE_DUE, timerId: 'case-1/heavyFeeDue/4', kind: 'heavyFeeDue' } },
          { type: 'HeavyFeeStageReached', data: { at: HEAVY_FEE_DUE } },
          charged(
            {
              kind: 'heavyFee',
              amount: 560_00,
              basis: {
                ...LIGHT_FEE.basis,
                figures: {
                  ...LIGHT_FEE.basis.figures,
                  claim: 2_000_00,
                  bracketUpTo: 2_500_00,
                  satsHundredths: 40,
                  multiplier: 2,
                },
              },
            },
            HEAVY_FEE_DUE,
            'debtor',
            'lightFee',
          ),
        ]);
    },
  );

  it(
    'given a partial objection referred to the creditor, when the creditor credits the disputed line, ' +
      'then it is credited with interest to date and the dispute ends; ' +
      'collection, which never stopped, keeps its timers',
    () => {
      const at = '2025-04-02T09:00:00.000Z';
      given(
        ...HANDED_OVER,
        ...DEMAND_SENT,
        ...partialObjection,
        { type: 'ObjectionReferredToCreditor', data: { at: '2025-03-24T09:00:00.000Z', note: '' } },
        scheduled('creditorReply', 5, '2025-04-07T09:00:00.000Z', '2025-03-24T09:00:00.000Z'),
      )
        .when({
          type: 'RecordCreditorReply',
          at: day(30),
          data: { reply: 'creditDisputedLines', comment: 'Visit cancelled.' },
        })
        .then([
          { type: 'CreditorUpheldObjection', data: { at, comment: 'Visit cancelled.', lineIds: ['L2'] } },
          {
            type: 'CreditNoteIssued',
            data: {
              at,
              lines: [{ lineId: 'L2', amount: 1_000_00 }],
              amount: 1_000_00,
              reason: 'The creditor upheld the objection',
              // 3 000 NOK × 12.5 % × 60 / 365 = 61.64 NOK
              interest: interestUpTo('2025-04-02', 60, 61_64),
              writeOffReversed: 0,
              refund: 0,
            },
          },
          { type: 'DisputeResolved', data: { at, resolution: 'disputedLinesCredited' } },
          cancelled('creditorReply', 5, at),
        ]);
    },
  );
});
