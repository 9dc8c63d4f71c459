import type { CaseSummaryRow } from './schema';

/**
 * Every column of the summary table with its PostgreSQL type, for the statements that name
 * them all. Typed by the row: a column added to `CaseSummaryRow` must be added here too.
 */
export const SUMMARY_TYPES: Record<keyof CaseSummaryRow, 'text' | 'int8' | 'int4'> = {
  case_id: 'text',
  creditor_id: 'text',
  creditor_reference: 'text',
  debtor_id: 'text',
  debtor_name: 'text',
  debtor_kind: 'text',
  status: 'text',
  stage: 'text',
  collection_stage: 'text',
  dispute_stage: 'text',
  principal: 'int8',
  credited: 'int8',
  paid: 'int8',
  fees: 'int8',
  interest: 'int8',
  outstanding: 'int8',
  outstanding_principal: 'int8',
  disputed: 'int8',
  collectable: 'int8',
  interest_accrued_until: 'text',
  interest_stopped: 'int4',
  dispute_code: 'int4',
  collection_paused: 'int4',
  fees_chargeable_to_debtor: 'int4',
  stage_at_objection: 'text',
  open_deadline_kind: 'text',
  open_deadline_due_at: 'text',
  creditor_reminders: 'int4',
  queue_order: 'text',
  limitation_date: 'text',
  allowed_actions: 'text',
  closure_reason: 'text',
  revision: 'int8',
  last_changed_at: 'text',
  closed_on: 'text',
  personal_data_erased_at: 'text',
  rule_pack: 'text',
};

/** The columns in table order, the key first. */
export const SUMMARY_COLUMNS = Object.keys(SUMMARY_TYPES) as Array<keyof CaseSummaryRow>;
export const SUMMARY_VALUES = SUMMARY_COLUMNS.filter((c) => c !== 'case_id');
