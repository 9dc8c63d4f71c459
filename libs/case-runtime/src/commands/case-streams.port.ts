import type { CaseEvent } from '@app/case-domain';

export type StreamRevision = bigint | 'no_stream';

export interface StoredCaseEvent {
  event: CaseEvent;
  revision: bigint;
  recordedAt: string;
  metadata: Record<string, unknown>;
}

export interface NewCaseEvent {
  id: string;
  event: CaseEvent;
  metadata: Record<string, unknown>;
}

/** Thrown when the stream moved on since it was read: another command won that revision. */
export class StaleRevision extends Error {
  constructor(
    readonly expected: StreamRevision,
    readonly actual: StreamRevision,
  ) {
    super(`expected ${String(expected)}, actual ${String(actual)}`);
  }
}

export interface ReadCaseOptions {
  /** Read from this revision on (a reader that holds the case folded up to the one before). */
  fromRevision?: bigint;
  /** The case's debtor, when the reader knows it: spares reading the handover to learn it. */
  subjectId?: string;
}

/**
 * What the command path needs of the event store: one stream per case. Personal values come
 * out of `read` in clear (or erased) and go into `append` in clear; sealing them is the adapter's.
 */
export abstract class CaseStreams {
  abstract read(caseId: string, options?: ReadCaseOptions): Promise<StoredCaseEvent[]>;
  /**
   * Appends atomically at `expected` (`no_stream` for a new case); returns the new revision.
   * `subjectId`: the case's debtor, whose key seals the events' personal values.
   */
  abstract append(caseId: string, expected: StreamRevision, events: NewCaseEvent[], subjectId: string): Promise<bigint>;
}

export const streamOf = (caseId: string) => `case-${caseId}`;
