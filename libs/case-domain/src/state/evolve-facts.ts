import { dateOf } from '../time/dates';
import type { CaseEvent, EventOf } from '../events/case-events';
import { erasedDebtor } from '../events/personal-data';
import type { CaseFacts, Ledger } from './case-state';

export function evolveFacts(facts: CaseFacts | null, event: CaseEvent): CaseFacts | null {
  if (event.type === 'ClaimHandedOver') return opened(event);
  if (facts === null) return null;
  // A record about the debtor's data, not a change of the claim: the case's last change stays.
  if (event.type === 'PersonalDataErased') {
    return { ...facts, debtor: erasedDebtor(facts.debtor), personalDataErasedAt: event.data.at };
  }
  // Closing and the end of a dispute are the machine's to say: `evolve` applies them with the move.
  return { ...applyFact(facts, event), lastChangedAt: event.data.at };
}

function opened(event: EventOf<'ClaimHandedOver'>): CaseFacts {
  const { invoice, disputedBeforeHandover } = event.data;
  const { lines, ...invoiceHead } = invoice;
  return {
    caseId: event.data.caseId,
    creditorId: event.data.creditorId,
    creditorReference: event.data.creditorReference,
    debtor: event.data.debtor,
    invoice: invoiceHead,
    lines: lines.map((l) => ({ ...l, credited: 0 })),
    disputedBeforeHandover: disputedBeforeHandover !== null,
    noticeSentOn: null,
    demandSentOn: null,
    legalStepOn: null,
    dispute: null,
    stageAtObjection: null,
    feesChargeableToDebtor: disputedBeforeHandover === null,
    fees: [],
    ledger: {
      debtorCosts: 0,
      creditorCosts: 0,
      interestAccrued: 0,
      interestAccruedUntil: invoice.dueDate,
      interestStopped: false,
      paid: { costs: 0, interest: 0, principal: 0 },
      surplus: 0,
      writtenOff: { costs: 0, interest: 0, principal: 0 },
    },
    timers: [],
    timersScheduled: 0,
    creditorReminders: 0,
    limitation: { runsFrom: invoice.dueDate, years: 3, interrupted: false },
    settlement: null,
    closure: null,
    openedAt: event.data.at,
    lastChangedAt: event.data.at,
    ...(event.data.rulePack && { rulePack: event.data.rulePack }),
  };
}

/** A Danish legal step: it interrupts limitation (forældelsesloven §§ 15–16) and is the remark's legal step. */
function courtStepTaken(f: CaseFacts, filedOn: string, court: CaseFacts['court']): CaseFacts {
  return { ...f, court, legalStepOn: filedOn, limitation: { ...f.limitation, interrupted: true } };
}

/** A judgment (or an endorsed betalingspåkrav) starts a new 10-year period (forældelsesloven § 5). */
function judged(f: CaseFacts, at: string): CaseFacts {
  return { ...f, limitation: { runsFrom: dateOf(at), years: 10, interrupted: false } };
}

function documentsFrom(
  documents: { debtor: boolean; creditor: boolean } | undefined,
  from: 'debtor' | 'creditor' | 'both',
) {
  const held = documents ?? { debtor: false, creditor: false };
  return { debtor: held.debtor || from !== 'creditor', creditor: held.creditor || from !== 'debtor' };
}

function applyFact(f: CaseFacts, e: CaseEvent): CaseFacts {
  switch (e.type) {
    case 'ClaimRegisteredAsDisputed':
      return {
        ...f,
        dispute: { scope: 'full', lineIds: f.lines.map((l) => l.lineId), stageAtObjection: null, since: e.data.at },
      };
    case 'CollectionNoticeSent':
      return { ...f, noticeSentOn: e.data.sentOn };
    case 'PaymentDemandSent':
    case 'NewPaymentDemandSent':
      return { ...f, demandSentOn: dateOf(e.data.at) };
    case 'ObjectionRegistered':
      return {
        ...f,
        stageAtObjection: e.data.stageAtObjection,
        dispute: {
          scope: e.data.scope,
          lineIds: e.data.lineIds,
          stageAtObjection: e.data.stageAtObjection,
          since: e.data.at,
        },
      };
    case 'DocumentsReceived':
      // Only the Danish pack says whose documents came; the Norwegian record has no `from`.
      return e.data.from && f.dispute
        ? { ...f, dispute: { ...f.dispute, documents: documentsFrom(f.dispute.documents, e.data.from) } }
        : f;
    case 'PaymentOrderFiled':
      return courtStepTaken(f, e.data.filedOn, {
        route: 'paymentOrder',
        filedOn: e.data.filedOn,
        replyDeadlineAt: e.data.replyDeadlineAt,
        continueAsCivilCase: e.data.continueAsCivilCase,
      });
    case 'CourtClaimFiled':
      return courtStepTaken(f, e.data.filedOn, {
        route: e.data.route,
        filedOn: e.data.filedOn,
        replyDeadlineAt: null,
        continueAsCivilCase: false,
      });
    case 'PaymentOrderContinuedAsCivilCase':
      return {
        ...f,
        court: f.court && { ...f.court, route: 'civilCase', replyDeadlineAt: null },
        dispute: {
          scope: 'full',
          lineIds: f.lines.filter((l) => l.amount > l.credited).map((l) => l.lineId),
          stageAtObjection: null,
          since: e.data.at,
        },
      };
    case 'PaymentOrderEndorsed':
    case 'CourtJudgmentForCreditor':
      return judged(f, e.data.at);
    case 'CreditorReplyOverdue':
      return { ...f, creditorReminders: e.data.reminderNumber };
    case 'DebtorAcceptedClaim':
      // An acknowledgment of the debt restarts limitation (foreldelsesloven § 14).
      return { ...f, limitation: { ...f.limitation, runsFrom: dateOf(e.data.at) } };
    case 'ConciliationComplaintFiled':
      return { ...f, legalStepOn: e.data.filedOn, limitation: { ...f.limitation, interrupted: true } };
    case 'BoardSettlementReached':
      return {
        ...f,
        settlement: { amount: e.data.amount, dueDate: e.data.dueDate },
        // A settlement is a new basis with a 10-year limitation (foreldelsesloven § 21).
        limitation: { runsFrom: e.data.dueDate, years: 10, interrupted: false },
        ledger: writeOff(accrue(f.ledger, e.data.interest), e.data.writtenOff, true),
      };
    case 'PaymentRegistered': {
      const ledger = accrue(f.ledger, e.data.interest);
      const { allocation } = e.data;
      return {
        ...f,
        limitation: { ...f.limitation, runsFrom: e.data.paidOn },
        ledger: {
          ...ledger,
          paid: {
            costs: ledger.paid.costs + allocation.costs,
            interest: ledger.paid.interest + allocation.interest,
            principal: ledger.paid.principal + allocation.principal,
          },
          surplus: ledger.surplus + allocation.surplus,
        },
      };
    }
    case 'CreditNoteIssued': {
      const credit = new Map(e.data.lines.map((l) => [l.lineId, l.amount]));
      const ledger = accrue(f.ledger, e.data.interest);
      const { refund, writeOffReversed } = e.data;
      return {
        ...f,
        ledger: {
          ...ledger,
          paid: { ...ledger.paid, principal: ledger.paid.principal - refund },
          writtenOff: { ...ledger.writtenOff, principal: ledger.writtenOff.principal - writeOffReversed },
          surplus: ledger.surplus + refund,
        },
        lines: f.lines.map((l) => (credit.has(l.lineId) ? { ...l, credited: l.credited + credit.get(l.lineId)! } : l)),
      };
    }
    case 'ClaimCreditedInFull':
      return { ...f, ledger: writeOff(f.ledger, { ...e.data.writtenOff, principal: 0 }, true) };
    case 'FeeCharged':
      return chargeFee(f, e);
    case 'FeesWaived':
      return {
        ...f,
        feesChargeableToDebtor: false,
        fees: f.fees.map((fee) => (fee.active && fee.chargedTo === 'debtor' ? { ...fee, chargedTo: 'creditor' } : fee)),
        ledger: {
          ...f.ledger,
          debtorCosts: f.ledger.debtorCosts - e.data.amount,
          creditorCosts: f.ledger.creditorCosts + e.data.amount,
        },
      };
    case 'DeadlineScheduled':
      return {
        ...f,
        timersScheduled: f.timersScheduled + 1,
        timers: [...f.timers, { timerId: e.data.timerId, kind: e.data.kind, dueAt: e.data.dueAt }],
      };
    case 'DeadlineCancelled':
    case 'DeadlineFired':
      return { ...f, timers: f.timers.filter((t) => t.timerId !== e.data.timerId) };
    default:
      return f;
  }
}

function chargeFee(f: CaseFacts, e: EventOf<'FeeCharged'>): CaseFacts {
  const { fee, chargedTo, replaces } = e.data;
  let { debtorCosts, creditorCosts } = f.ledger;
  const fees = f.fees.map((entry) => {
    if (!replaces || !entry.active || entry.kind !== replaces) return entry;
    if (entry.chargedTo === 'debtor') debtorCosts -= entry.amount;
    else creditorCosts -= entry.amount;
    return { ...entry, active: false };
  });
  if (chargedTo === 'debtor') debtorCosts += fee.amount;
  else creditorCosts += fee.amount;
  fees.push({ kind: fee.kind, amount: fee.amount, chargedTo, table: fee.basis.table, active: true });
  const { paid, surplus } = f.ledger;
  const refund = e.data.refund;
  return {
    ...f,
    fees,
    ledger: {
      ...f.ledger,
      debtorCosts,
      creditorCosts,
      paid: { ...paid, costs: paid.costs - refund },
      surplus: surplus + refund,
    },
  };
}

function accrue(ledger: Ledger, interest: { amount: number; to: string }): Ledger {
  if (interest.amount === 0 && interest.to <= ledger.interestAccruedUntil) return ledger;
  return {
    ...ledger,
    interestAccrued: ledger.interestAccrued + interest.amount,
    interestAccruedUntil: interest.to > ledger.interestAccruedUntil ? interest.to : ledger.interestAccruedUntil,
  };
}

function writeOff(ledger: Ledger, amounts: Ledger['writtenOff'], stopInterest: boolean): Ledger {
  return {
    ...ledger,
    interestStopped: ledger.interestStopped || stopInterest,
    writtenOff: {
      costs: ledger.writtenOff.costs + amounts.costs,
      interest: ledger.writtenOff.interest + amounts.interest,
      principal: ledger.writtenOff.principal + amounts.principal,
    },
  };
}
