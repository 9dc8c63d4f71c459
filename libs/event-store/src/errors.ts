import type { ExpectedRevision } from './port';

/** The stream was not where the writer expected: another writer won that revision. */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** A retry reused event ids for different events, or only some of them: not a retry. */
export class IdempotencyViolation extends Error {
  constructor(streamId: string, eventId: string) {
    super(`Stream ${streamId}: event id ${eventId} was already used for another append`);
    this.name = 'IdempotencyViolation';
  }
}
