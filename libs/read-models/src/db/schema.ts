import type { Generated } from 'kysely';

/** One case as the queues and portfolios see it (amounts as of its last change). */
export interface CaseSummaryRow {
  case_id: string;
  creditor_id: string;
  creditor_reference: string;
  debtor_id: string;
  debtor_name: string;
  debtor_kind: string;
  status: string;
  stage: string;
  /** The collection track's stage and the dispute track's (null when no dispute is open). */
  collection_stage: string | null;
  dispute_stage: string | null;
  principal: number;
  credited: number;
  paid: number;
  fees: number;
  interest: number;
  outstanding: number;
  outstanding_principal: number;
  disputed: number;
  collectable: number;
  /** Interest is recorded up to this day; later interest is added when read. */
  interest_accrued_until: string;
  interest_stopped: number;
  dispute_code: number;
  collection_paused: number;
  fees_chargeable_to_debtor: number;
  stage_at_objection: string | null;
  open_deadline_kind: string | null;
  open_deadline_due_at: string | null;
  creditor_reminders: number;
  /** Most overdue first: fewer-is-later reminder rank, then the open deadline. */
  queue_order: string;
  limitation_date: string | null;
  allowed_actions: string;
  closure_reason: string | null;
  revision: number;
  last_changed_at: string;
  /** The Norwegian date the case closed on (its personal data's retention runs from it). */
  closed_on: string | null;
  personal_data_erased_at: string | null;
  /** The rule pack when not Norway's ('DK'); null for Norway. */
  rule_pack: string | null;
}

export interface TimelineRow {
  case_id: string;
  revision: number;
  position: string;
  type: string;
  actor: string;
  at: string;
  sentence: string;
}

/**
 * What the queues and portfolios count, kept by the projection in the transaction that writes
 * the summaries: cases (and their amounts) per status, overall (`scope` '') and per creditor;
 * open cases per day their open deadline falls due and per limitation date (`scope` '').
 */
export interface CaseCountRow {
  kind: 'status' | 'deadline' | 'limitation';
  scope: string;
  bucket: string;
  cases: number;
  outstanding: number;
  disputed: number;
  collectable: number;
}

export interface CheckpointRow {
  name: string;
  position: string;
  updated_at: string;
}

/**
 * A case stream the projection stopped on: its failing event and error. Keyed by the projection
 * (the checkpoint's name), so a rebuild parks beside the live rows and its rows replace them at the swap.
 */
export interface ParkedStreamRow {
  projection: string;
  case_id: string;
  stream_id: string;
  position: string;
  revision: number;
  event_type: string;
  error: string;
  parked_at: string;
  /** When it last failed: at parking, or at a retry that failed again. */
  failed_at: string;
  attempts: number;
}

/** Live tables, and their `_next` twins that a rebuild fills before it swaps them in. */
export interface ReadModelTables {
  rm_case_summary: CaseSummaryRow;
  rm_case_summary_next: CaseSummaryRow;
  rm_timeline: TimelineRow;
  rm_timeline_next: TimelineRow;
  rm_case_counts: CaseCountRow;
  rm_case_counts_next: CaseCountRow;
  rm_checkpoints: CheckpointRow;
  rm_parked_streams: ParkedStreamRow;
  rm_migrations_marker: { id: Generated<number> };
}

export type Generation = 'live' | 'next';
export type Tables = (typeof TABLES)[Generation];
export const TABLES = {
  live: { summary: 'rm_case_summary', timeline: 'rm_timeline', counts: 'rm_case_counts', checkpoint: 'projector' },
  next: {
    summary: 'rm_case_summary_next',
    timeline: 'rm_timeline_next',
    counts: 'rm_case_counts_next',
    checkpoint: 'projector-rebuild',
  },
} as const;
