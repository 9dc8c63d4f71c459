import type { CaseEvent, CaseState, CaseView, Instant, Rejection } from '@app/case-domain';
import type { StreamRevision } from './case-streams.port';

/**
 * What became of a command, as a value: the command path never speaks HTTP. The API maps these
 * to status codes and problem documents in one place; the timer service and the CLI read them.
 */
export type CommandOutcome = Accepted | Rejected | Conflict | NotFound | Forbidden | KeyReused;

export interface Accepted {
  kind: 'accepted';
  caseId: string;
  state: CaseState;
  revision: bigint;
  /** The events appended, in order (none for a repeated handover). */
  events: CaseEvent[];
  /** False when a repeated handover found the case already there. */
  created: boolean;
  at: Instant;
  /** The case as the caller is shown it, computed before anything was appended. */
  view: CaseView;
  /** True when this is the answer to an earlier request with the same idempotency key. */
  replayed: boolean;
}

/** The machine or a rule of the case refused it; the rejection names the state and what is allowed. */
export interface Rejected {
  kind: 'rejected';
  rejection: Rejection;
}

/** The case is not at the revision the command was decided on. */
export interface Conflict {
  kind: 'conflict';
  expected: StreamRevision;
  actual: StreamRevision;
}

/** No such case, or one the caller may not see. */
export interface NotFound {
  kind: 'notFound';
  message: string;
}

/** The caller's role may not give this command. */
export interface Forbidden {
  kind: 'forbidden';
  message: string;
}

/** The idempotency key was used for a different request (another body, or another case). */
export interface KeyReused {
  kind: 'keyReused';
  message: string;
}
