import type { CaseCommandType, CaseworkAction } from '../commands/case-commands';
import type { CaseEvent } from '../events/case-events';
import type { CaseStatus } from '../machine/status';

export type RejectionKind = 'caseNotFound' | 'notAllowed' | 'invalid';

/** Why a command changed nothing: the command, the state it met, and what is allowed instead. */
export interface Rejection {
  kind: RejectionKind;
  command: CaseCommandType;
  state: CaseStatus;
  allowed: CaseworkAction[];
  message: string;
  /** For `invalid`: the field at fault, as a path into the command's data. */
  field?: string;
}

export type Decision = { ok: true; events: CaseEvent[] } | { ok: false; rejection: Rejection };

/** What a capability's decider returns before the pipeline adds state, allowed actions and timers. */
export type Draft = CaseEvent[] | Invalid;
export interface Invalid {
  invalid: string;
  field?: string;
}

export function invalid(message: string, field?: string): Invalid {
  return { invalid: message, field };
}

export function isInvalid(draft: Draft): draft is Invalid {
  return !Array.isArray(draft);
}
