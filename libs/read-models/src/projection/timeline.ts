import type { CaseEvent } from '@app/case-domain';

// One formatter for all sentences: `toLocaleString` builds a new one on every call.
const NOK = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const kr = (minor: number) => `${NOK.format(minor / 100)} kr`;

/** One readable sentence per event, for the case timeline an auditor or caseworker reads. */
export function sentenceOf(e: CaseEvent): string {
  switch (e.type) {
    case 'ClaimHandedOver':
      return `Claim ${e.data.creditorReference} handed over by ${e.data.creditorId} against ${e.data.debtor.name}, ${e.data.invoice.lines.length} line(s).`;
    case 'ClaimRegisteredAsDisputed':
      return `Registered as disputed before handover: "${e.data.debtorStatement}". Fees cannot be charged to the debtor.`;
    case 'CollectionNoticeSent':
      return e.data.sentBy === 'agency'
        ? 'Collection notice (inkassovarsel) sent with a 14-day deadline.'
        : `The creditor's collection notice of ${e.data.sentOn} runs on.`;
    case 'PaymentDemandSent':
      // The Danish pack's letter after the påkrav has no heavy fee to follow.
      return e.data.heavyFeeFrom
        ? 'Payment demand (betalingsoppfordring) sent: light fee stage.'
        : `The agency's letter sent after the påkrav, with a deadline of ${e.data.deadlineAt}.`;
    case 'PaymentDemandExpired':
      return `Six months have passed since the payment demand of ${e.data.demandSentOn}: a new one is needed before a forliksklage (§ 11).`;
    case 'NewPaymentDemandSent':
      return 'A new payment demand (betalingsoppfordring) sent with a 14-day deadline; no new fee.';
    case 'NewPaymentDemandDeadlinePassed':
      return "The new payment demand's deadline passed: the forliksklage can be filed.";
    case 'PaymentDemandDeadlinePassed':
      return "The payment demand's deadline passed.";
    case 'HeavyFeeStageReached':
      return 'Unpaid on day 43: the heavy fee replaces the light fee.';
    case 'ObjectionRegistered':
      return `${e.data.scope === 'full' ? 'Objection to the whole claim' : `Objection to line(s) ${e.data.lineIds.join(', ')}`} (${e.data.channel}): "${e.data.debtorStatement}". Dispute code set; ${e.data.pausesCollection ? 'collection paused' : 'collection goes on with the undisputed amount'}.`;
    case 'ObjectionRejectedByAgency':
      return 'The agency rejected the objection with a written answer.';
    case 'DocumentsRequested':
      return e.data.from === 'both'
        ? 'Both sides were asked for documents (14 days); the creditor carries the burden of proof.'
        : `The ${e.data.from ?? 'debtor'} was asked for a statement and documents (14 days).`;
    case 'DocumentsReceived':
      return `Documents received${e.data.from ? ` (${e.data.from === 'both' ? 'both sides' : `from the ${e.data.from}`})` : ''}: ${e.data.description}.`;
    case 'DocumentsDeadlinePassed':
      return 'No documents came within 14 days.';
    case 'ObjectionReferredToCreditor':
      return 'The objection was referred to the creditor (14 days to answer).';
    case 'CreditorReplyOverdue':
      return `The creditor has not answered: reminder ${e.data.reminderNumber} sent and the debtor informed of the delay.`;
    case 'CreditorMaintainedClaim':
      return `The creditor maintains the claim and ${e.data.feeDecision === 'keep' ? 'keeps' : 'waives'} the fee claim.`;
    case 'CreditorUpheldObjection':
      return 'The creditor upheld the objection and credits the disputed lines.';
    case 'DebtorNotReachedByPhone':
      return 'The debtor could not be reached by phone.';
    case 'DebtorReachedByPhone':
      return `The debtor was reached by phone: ${e.data.summary}.`;
    case 'ClaimConfirmedToDebtor':
      return `The debtor was told by ${e.data.channel} that the claim stands, with a 14-day payment deadline.`;
    case 'DebtorAcceptedClaim':
      return 'The debtor accepted the claim: collection resumes, dispute code lifted.';
    case 'DebtorMaintainedDispute':
      return `The debtor maintains the dispute. Recommended filer: ${e.data.recommendation.filer}.`;
    case 'DebtorPaymentDeadlinePassed':
      return "The debtor's 14-day deadline passed in silence: collection resumes.";
    case 'DisputeResolved':
      return 'The disputed lines were credited: the dispute is resolved and collection resumes.';
    case 'AgencyFilingChosen':
      return 'The creditor chose to have the agency file at the conciliation board.';
    case 'CreditorFilingChosen':
      return 'The creditor files at the conciliation board itself: the case is handed back.';
    case 'BoardDeclined':
      return 'The creditor chose not to go to the conciliation board: the case is closed.';
    case 'ConciliationComplaintFiled':
      return `Forliksklage filed with ${e.data.board}; limitation interrupted.`;
    case 'BoardSettlementReached':
      return `Settlement before the board: ${kr(e.data.amount)} due ${e.data.dueDate}.`;
    case 'BoardJudgmentForCreditor':
      return 'Judgment for the creditor.';
    case 'DefaultJudgmentGiven':
      return 'Default judgment (fraværsdom) for the creditor.';
    case 'BoardJudgmentForDebtor':
      return 'Judgment for the debtor: the dispute is upheld.';
    case 'BoardReferredCase':
      return 'No agreement (innstilt): referred to the district court.';
    case 'SettlementDueDatePassed':
      return 'The settlement fell due.';
    case 'PaymentOrderFiled':
      return `Betalingspåkrav of ${kr(e.data.claim)} filed with ${e.data.court}; the debtor has until ${e.data.replyDeadlineAt} to reply; ${e.data.continueAsCivilCase ? `continues as a civil case on an objection${e.data.continueForced ? ' (forced: limitation is near)' : ''}` : 'ends on an objection'}; limitation interrupted.`;
    case 'PaymentOrderEndorsed':
      return 'No reply: the court endorsed the betalingspåkrav, which works as a judgment.';
    case 'PaymentOrderOpposed':
      return 'The debtor objected to the betalingspåkrav: it ends.';
    case 'PaymentOrderContinuedAsCivilCase':
      return 'The debtor objected to the betalingspåkrav: it continues as a civil case.';
    case 'CourtClaimFiled':
      return `${e.data.route === 'smallClaims' ? 'Small claim' : 'Civil case'} of ${kr(e.data.value)} filed with ${e.data.court}; limitation interrupted.`;
    case 'CourtJudgmentForCreditor':
      return e.data.byDefault ? 'Default judgment for the creditor.' : 'Judgment for the creditor.';
    case 'CourtJudgmentForDebtor':
      return 'Judgment for the debtor: the objection is upheld.';
    case 'PaymentRegistered':
      return `Payment of ${kr(e.data.amount)} (${e.data.reference}): costs ${kr(e.data.allocation.costs)}, interest ${kr(e.data.allocation.interest)}, principal ${kr(e.data.allocation.principal)}.`;
    case 'CreditNoteIssued':
      return `Credit note of ${kr(e.data.amount)}: ${e.data.reason}.`;
    case 'FeeCharged':
      return `${e.data.fee.kind} of ${kr(e.data.fee.amount)} charged to the ${e.data.chargedTo} (table ${e.data.fee.basis.table}).`;
    case 'FeesWaived':
      return `The creditor waived ${kr(e.data.amount)} of fees.`;
    case 'ClaimPaidInFull':
      return 'Paid in full: the case is closed.';
    case 'ClaimCreditedInFull':
      return 'Credited in full: the case is closed.';
    case 'ClaimWithdrawn':
      return `Withdrawn by the creditor: ${e.data.reason}.`;
    case 'CaseClosed':
      return `Closed (${e.data.reason}): ${e.data.note}.`;
    case 'DeadlineScheduled':
      return `Deadline ${e.data.kind} set for ${e.data.dueAt}.`;
    case 'DeadlineCancelled':
      return `Deadline ${e.data.kind} cancelled${e.data.reason ? `: ${e.data.reason}` : ''}.`;
    case 'DeadlineFired':
      return `Deadline ${e.data.kind} reached.`;
    case 'PersonalDataErased':
      return `The debtor's personal data was erased (${e.data.basis === 'request' ? 'on request' : 'retention period ended'}: ${e.data.reason}).`;
    case 'LimitationWarningIssued':
      return `Limitation warning: the claim becomes time-barred on ${e.data.limitationDate}.`;
  }
}
