import { dateOf, lateInterest, RULE_PACKS, type CalendarDate, type PackId } from '@app/case-domain';
import type { CaseSummaryRow } from '@app/read-models';

/** A summary row as the API shows it, with late interest brought up to `today`. */
export function summaryView(row: CaseSummaryRow, today: CalendarDate) {
  const extra = row.interest_stopped
    ? 0
    : lateInterest(row.outstanding_principal, row.interest_accrued_until, today, packOfRow(row).interest).amount;
  return {
    caseId: row.case_id,
    rulePack: packOfRow(row).id,
    creditorId: row.creditor_id,
    creditorReference: row.creditor_reference,
    debtor: { id: row.debtor_id, name: row.debtor_name, kind: row.debtor_kind },
    status: row.status,
    stage: row.stage,
    tracks: { collection: row.collection_stage, dispute: row.dispute_stage },
    amounts: {
      principal: row.principal,
      credited: row.credited,
      paid: row.paid,
      fees: row.fees,
      interest: row.interest + extra,
      outstanding: row.outstanding + extra,
      disputed: row.disputed,
      // Interest runs on the undisputed claim unless collection is paused (then nothing is collectable).
      collectable: row.collection_paused || row.closure_reason ? row.collectable : row.collectable + extra,
    },
    flags: {
      disputeCode: row.dispute_code === 1,
      collectionPaused: row.collection_paused === 1,
      feesChargeableToDebtor: row.fees_chargeable_to_debtor === 1,
      stageAtObjection: row.stage_at_objection,
    },
    openDeadline: row.open_deadline_kind ? { kind: row.open_deadline_kind, dueAt: row.open_deadline_due_at } : null,
    creditorReminders: row.creditor_reminders,
    limitationDate: row.limitation_date,
    allowedActions: JSON.parse(row.allowed_actions) as string[],
    closureReason: row.closure_reason,
    revision: String(row.revision),
    lastChangedAt: row.last_changed_at,
    interestAsOf: today,
  };
}

/** A row without a pack (every Norwegian case, and rows from before packs) is Norway's. */
function packOfRow(row: CaseSummaryRow) {
  return RULE_PACKS[(row.rule_pack as PackId | null) ?? 'NO'] ?? RULE_PACKS.NO;
}

export const todayOf = (instant: string) => dateOf(instant);
