import { caseViewOf, dateOf, limitationDateOf, type CaseState } from '@app/case-domain';
import type { CaseSummaryRow } from '../db/schema';

/** The summary row of a case as it stands after the event at `revision`. */
export function summaryRow(state: CaseState, revision: number): CaseSummaryRow {
  const f = state.facts!;
  const view = caseViewOf(state, dateOf(f.lastChangedAt));
  const a = view.amounts;
  return {
    case_id: f.caseId,
    creditor_id: f.creditorId,
    creditor_reference: f.creditorReference,
    debtor_id: f.debtor.id,
    debtor_name: f.debtor.name,
    debtor_kind: f.debtor.kind,
    status: view.status,
    stage: view.stage,
    collection_stage: view.tracks?.collection.stage ?? null,
    dispute_stage: view.tracks?.dispute?.stage ?? null,
    principal: a.principal,
    credited: a.credited,
    paid: a.paid,
    fees: a.fees,
    interest: a.interest,
    outstanding: a.outstanding,
    outstanding_principal: a.outstandingPrincipal,
    disputed: a.disputed,
    collectable: a.collectable,
    interest_accrued_until: dateOf(f.lastChangedAt),
    interest_stopped: f.ledger.interestStopped || f.closure ? 1 : 0,
    dispute_code: view.flags.disputeCode ? 1 : 0,
    collection_paused: view.flags.collectionPaused ? 1 : 0,
    fees_chargeable_to_debtor: view.flags.feesChargeableToDebtor ? 1 : 0,
    stage_at_objection: view.flags.stageAtObjection,
    open_deadline_kind: view.openDeadline?.kind ?? null,
    open_deadline_due_at: view.openDeadline?.dueAt ?? null,
    creditor_reminders: f.creditorReminders,
    queue_order: `${String(999 - Math.min(f.creditorReminders, 999)).padStart(3, '0')}|${view.openDeadline?.dueAt ?? '9999'}`,
    limitation_date: f.closure || f.limitation.interrupted ? null : limitationDateOf(f),
    allowed_actions: JSON.stringify(view.allowedActions),
    closure_reason: f.closure?.reason ?? null,
    revision,
    last_changed_at: f.lastChangedAt,
    closed_on: f.closure ? dateOf(f.closure.at) : null,
    personal_data_erased_at: f.personalDataErasedAt ?? null,
    rule_pack: f.rulePack ?? null,
  };
}
