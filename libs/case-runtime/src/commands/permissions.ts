import { CASEWORK_ACTIONS, type CaseCommandType, type CaseState, type CaseworkAction } from '@app/case-domain';
import type { Principal, Role } from '../auth/principal';

/** What a creditor may do itself (LIFECYCLE.md, "Who does what"). */
const CREDITOR_ACTIONS = [
  'HandOverClaim',
  'RecordCreditorReply',
  'DecideOnConciliation',
  'WithdrawClaim',
  'IssueCreditNote',
] as const satisfies readonly CaseworkAction[];

/** Who may give which command: a caseworker every action, auditors and billing none, the system its timers. */
export const PERMITTED: Record<Role, ReadonlySet<CaseCommandType>> = {
  caseworker: new Set(CASEWORK_ACTIONS),
  creditor: new Set(CREDITOR_ACTIONS),
  auditor: new Set(),
  billing: new Set(),
  system: new Set(['FireDeadline']),
};

export function mayGive(principal: Principal, command: CaseCommandType): boolean {
  return PERMITTED[principal.role].has(command);
}

/** A creditor sees only its own cases; to it, another creditor's case does not exist. */
export function visibleTo(state: CaseState, principal: Principal): boolean {
  return principal.role !== 'creditor' || state.facts?.creditorId === principal.creditorId;
}
