import { addDays, dateOf, type CalendarDate } from '../time/dates';
import { NORWEGIAN_LATE_INTEREST } from '../money/interest';
import { noticeFee, recomputeNorwegianFee } from '../money/fees';
import { norwegianHolidays } from '../deadlines/working-days';
import { demandDeadlines, demandExpiresOn, dueFor, startOfDay } from '../deadlines/timer-rules';
import type { CaseEvent } from '../events/case-events';
import type { CaseFacts } from '../state/case-state';
import { charge, lightFeeFor } from '../decide/charges';
import { invalid } from '../decide/rejection';
import type { Precondition, RulePack } from './rule-pack';

function demandExpired(facts: CaseFacts, on: CalendarDate): boolean {
  const expires = demandExpiresOn(facts);
  return expires !== null && on >= expires;
}

const danishRoute: Precondition = () => 'Denmark’s court routes are not open to a Norwegian case.';

/**
 * Norway's refusals on a case's figures and dates (inkassoloven § 11): a forliksklage more
 * than 6 months after the betalingsoppfordring needs a new one first.
 */
export const NORWEGIAN_PRECONDITIONS: Partial<Record<string, Precondition>> = {
  FileConciliationComplaint: (facts, on) =>
    demandExpired(facts, on)
      ? 'More than 6 months since the payment demand: a new betalingsoppfordring must be sent first (§ 11).'
      : null,
  // A waiting forliksklage whose demand is still valid needs no new one.
  SendNewPaymentDemand: (facts, on) =>
    demandExpired(facts, on) ? null : 'The payment demand is less than 6 months old: the forliksklage can be filed.',
  FilePaymentOrder: danishRoute,
  FileCourtClaim: danishRoute,
  RecordCourtOutcome: danishRoute,
};

/** A payment remark waits this long after the step that allows it. */
const REMARK_WAIT_DAYS = 30;

/** The first rule pack: Norway (RULES.md). Its behaviour is the engine's from before packs existed. */
export const NORWAY: RulePack = {
  id: 'NO',
  name: 'Norway',
  jurisdiction: 'NO',
  currency: 'NOK',
  recomputeFee: recomputeNorwegianFee,
  interest: NORWEGIAN_LATE_INTEREST,
  holidays: norwegianHolidays,
  // Norway's reminder fee (1/20 of the inkassosats) is the creditor's before handover and not modelled.
  validateHandover: ({ data }) =>
    data.remindersSentOn?.length
      ? invalid('Reminders before handover are taken by the Danish rule pack only.', 'remindersSentOn')
      : null,

  collectionStart(facts, { data, at }) {
    const sentOn = data.noticeAlreadySentOn;
    if (!sentOn) {
      return [
        {
          type: 'CollectionNoticeSent',
          data: { at, sentBy: 'agency', sentOn: dateOf(at), deadlineAt: dueFor('noticeDeadline', at) },
        },
        charge(facts, noticeFee(dateOf(at)), at),
      ];
    }
    const noticeDeadline = dueFor('noticeDeadline', startOfDay(sentOn));
    if (noticeDeadline > at) {
      // The creditor's own notice keeps running; the agency takes over its deadline.
      return [{ type: 'CollectionNoticeSent', data: { at, sentBy: 'creditor', sentOn, deadlineAt: noticeDeadline } }];
    }
    return [
      { type: 'PaymentDemandSent', data: { at, ...demandDeadlines(at) } },
      charge(facts, lightFeeFor(facts, at), at),
    ];
  },

  firstLetterDeadlinePassed: (facts, at): CaseEvent[] => [
    { type: 'PaymentDemandSent', data: { at, ...demandDeadlines(at) } },
    charge(facts, lightFeeFor(facts, at), at),
  ],

  preconditions: NORWEGIAN_PRECONDITIONS,
  documentsAskedOf: null,
  // The machine's labels are Norway's words.
  labels: {},

  /** Consumers: 30 days after a legal step; businesses: 30 days after the betalingsoppfordring. */
  creditRemarkStepPassed(f, asOf) {
    const step = f.debtor.kind === 'consumer' ? f.legalStepOn : f.demandSentOn;
    return step !== null && asOf >= addDays(step, REMARK_WAIT_DAYS);
  },
};
