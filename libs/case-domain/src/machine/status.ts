import type { SnapshotFrom, StateValue } from 'xstate';
import type { CaseMachine } from './case-machine';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/**
 * The state as the business says it: "collection.demand", "dispute.awaitingCreditor",
 * "conciliationBoard", "closed". The machine's `open` wrapper only groups the moves allowed
 * in every open state, so it is left out.
 */
export function statusOf(snapshot: CaseSnapshot): CaseStatus {
  const path = flatten(snapshot.value);
  return (path.startsWith('open.') ? path.slice('open.'.length) : path) as CaseStatus;
}

function flatten(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0];
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0)
    ? key
    : `${key}.${flatten(child as StateValue)}`;
}

export const CASE_STATUSES = [
  'new',
  'registered',
  'preCollectionDispute',
  'collection.notice',
  'collection.demand',
  'collection.heavyFee',
  'dispute.assessing',
  'dispute.awaitingDebtorDocuments',
  'dispute.awaitingCreditor',
  'dispute.awaitingDebtor',
  'dispute.awaitingDebtorReply',
  'dispute.conciliationDecision',
  'preparingComplaint',
  'conciliationBoard',
  'settled',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Labels a caseworker reads in a queue. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'Not handed over',
  registered: 'Registered',
  preCollectionDispute: 'Disputed before handover',
  'collection.notice': 'Collection notice sent',
  'collection.demand': 'Payment demand sent (light fee)',
  'collection.heavyFee': 'Heavy fee stage',
  'dispute.assessing': 'Objection to assess',
  'dispute.awaitingDebtorDocuments': 'Awaiting documents from the debtor',
  'dispute.awaitingCreditor': "Awaiting the creditor's reply",
  'dispute.awaitingDebtor': 'Debtor to be told the claim stands',
  'dispute.awaitingDebtorReply': "Awaiting the debtor's reply (14-day deadline)",
  'dispute.conciliationDecision': 'Creditor to decide on the conciliation board',
  preparingComplaint: 'Preparing the forliksklage',
  conciliationBoard: 'At the conciliation board',
  settled: 'Collecting the settlement',
  closed: 'Closed',
};
