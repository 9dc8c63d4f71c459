import { addDays, dateOf, isCalendarDate, type Instant } from '../../time/dates';
import { danishHolidays } from '../../deadlines/working-days';
import { dueFor, startOfDay } from '../../deadlines/timer-rules';
import type { CaseEvent } from '../../events/case-events';
import type { CaseFacts } from '../../state/case-state';
import { charge, collectedClaim } from '../../decide/charges';
import { invalid } from '../../decide/rejection';
import { outstandingPrincipal, owed } from '../../views/amounts';
import type { Precondition, RulePack } from '../rule-pack';
import {
  businessCompensation,
  collectionCostCap,
  danishHandoverFee,
  danishReminderFee,
  feeBearingReminders,
  recomputeDanishFee,
} from './fees';
import {
  COLLECTION_COST_TABLES,
  CREDIT_REMARK_MIN_DEBT,
  MORARENTE,
  MORARENTE_TABLE,
  PAYMENT_ORDER_LIMIT,
} from './tables';

/** The agency's letter after the påkrav, and the one collection-cost cap of the claim. */
function agencyLetter(facts: CaseFacts, at: Instant): CaseEvent[] {
  const letter: CaseEvent = { type: 'PaymentDemandSent', data: { at, deadlineAt: dueFor('demandDeadline', at, 'DK') } };
  // One cap per claim however many letters (bek. 601/2002).
  const capCharged = facts.fees.some((f) => f.kind === 'collectionCosts');
  if (capCharged) return [letter];
  return [letter, charge(facts, collectionCostCap(collectedClaim(facts), facts.invoice.issueDate), at)];
}

const norwegianRoute: Precondition = () => 'Denmark has no conciliation board: take the claim to court instead.';

/** A remark waits this long after the agency's letter that warned of it (bureau terms). */
const REMARK_WAIT_DAYS = 10;

export const DANISH_PRECONDITIONS: Partial<Record<string, Precondition>> = {
  FileConciliationComplaint: norwegianRoute,
  RecordBoardOutcome: norwegianRoute,
  SendNewPaymentDemand: () => 'The six-month rule of inkassoloven § 11 is Norwegian: no new demand is needed.',
  // The creditor carries the burden of proof (inkassoloven § 9): no finding against the debtor without it.
  RejectObjection: (facts) =>
    facts.dispute?.documents?.creditor
      ? null
      : "The creditor carries the burden of proof: the objection can be found unfounded only on the creditor's documents (ask both sides for them first).",
  FilePaymentOrder: (facts) => {
    if (facts.dispute) return 'An objection is open: a betalingspåkrav is only for an undisputed claim (rpl ch. 44 a).';
    if (facts.court) return 'The claim is already before a court.';
    if (outstandingPrincipal(facts) > PAYMENT_ORDER_LIMIT)
      return 'A betalingspåkrav is for claims of at most 100 000 DKK (rpl § 477 a): file a civil case.';
    return null;
  },
  FileCourtClaim: (facts) => (facts.court ? 'The claim is already before a court.' : null),
  // The court answers once the debtor's 14 days to reply to the betalingspåkrav have run.
  RecordCourtOutcome: (facts, on) =>
    facts.court?.replyDeadlineAt && on < dateOf(facts.court.replyDeadlineAt)
      ? `The debtor has until ${dateOf(facts.court.replyDeadlineAt)} to reply to the betalingspåkrav.`
      : null,
};

/** The second rule pack: Denmark (RULES-DK.md). */
export const DENMARK: RulePack = {
  id: 'DK',
  name: 'Denmark',
  jurisdiction: 'DK',
  currency: 'DKK',
  recomputeFee: recomputeDanishFee,
  interest: { id: MORARENTE_TABLE, rows: MORARENTE },
  holidays: danishHolidays,

  validateHandover({ data, at }) {
    const today = dateOf(at);
    // Every figure the case will need must be computable now, not fail later on a timer.
    if (!COLLECTION_COST_TABLES.some((t) => t.from <= data.invoice.issueDate))
      return invalid(
        `No Danish collection-cost table covers a claim that arose on ${data.invoice.issueDate}.`,
        'invoice.issueDate',
      );
    for (const [i, date] of (data.remindersSentOn ?? []).entries()) {
      const field = `remindersSentOn.${i}`;
      if (!isCalendarDate(date)) return invalid('A reminder date must be a date (YYYY-MM-DD).', field);
      if (date <= data.invoice.dueDate) return invalid('A reminder can only be sent after the due date.', field);
      if (date > today) return invalid('A reminder date cannot be in the future.', field);
    }
    return null;
  },

  collectionStart(facts, { data, at }) {
    const fees = [
      // Reminders sent before handover; an objection before handover means no fees at all.
      ...feeBearingReminders(data.remindersSentOn ?? []).map((sentOn, i) => danishReminderFee(sentOn, i + 1)),
      danishHandoverFee(),
      businessCompensation(facts.debtor.kind, facts.invoice.dueDate),
    ].flatMap((quote) => (quote ? [charge(facts, quote, at)] : []));
    const sentOn = data.noticeAlreadySentOn;
    if (!sentOn) {
      // The påkrav (inkassoloven § 10): at least 10 days from sending; it says costs will follow.
      const deadlineAt = dueFor('noticeDeadline', at, 'DK');
      return [
        { type: 'CollectionNoticeSent', data: { at, sentBy: 'agency', sentOn: dateOf(at), deadlineAt } },
        ...fees,
      ];
    }
    const deadlineAt = dueFor('noticeDeadline', startOfDay(sentOn), 'DK');
    if (deadlineAt > at) {
      return [{ type: 'CollectionNoticeSent', data: { at, sentBy: 'creditor', sentOn, deadlineAt } }, ...fees];
    }
    // The creditor's påkrav has run its 10 days: the agency writes at once.
    return [...agencyLetter(facts, at), ...fees];
  },

  firstLetterDeadlinePassed: (facts, at) => agencyLetter(facts, at),

  preconditions: DANISH_PRECONDITIONS,
  documentsAskedOf: 'both',
  labels: {
    'collection.notice': 'Påkrav sent (10 days)',
    'collection.demand': "Agency's letter sent (collection costs charged)",
    'dispute.awaitingDebtorDocuments': 'Awaiting documents from both sides',
    'dispute.preCollection': 'Disputed before handover: may not be collected',
    'dispute.conciliationDecision': 'Creditor to decide on court',
    'dispute.preparingComplaint': 'Preparing the court claim (small claims or civil case)',
  },

  /** Bureau terms: the debt is over 200 DKK and 10 days have passed since the letter warning of it. */
  creditRemarkStepPassed(f, asOf) {
    const due = owed(f, asOf);
    const debt = due.costs + due.interest + due.principal;
    return (
      f.demandSentOn !== null && asOf >= addDays(f.demandSentOn, REMARK_WAIT_DAYS) && debt > CREDIT_REMARK_MIN_DEBT
    );
  },
};
