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

/** What the command path needs of the event store: one stream per case. */
export abstract class CaseStreams {
  abstract read(caseId: string): Promise<StoredCaseEvent[]>;
  /** Appends atomically at `expected` (`no_stream` for a new case); returns the new revision. */
  abstract append(caseId: string, expected: StreamRevision, events: NewCaseEvent[]): Promise<bigint>;
}

export const streamOf = (caseId: string) => `case-${caseId}`;
