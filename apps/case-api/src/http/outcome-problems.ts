import { HttpStatus } from '@nestjs/common';
import type { CommandOutcome } from '@app/case-runtime';
import { problem, Problems, type ProblemException } from './problem';

type Refusal = Exclude<CommandOutcome, { kind: 'accepted' }>;

/**
 * The one place where what became of a command turns into HTTP: 403, 404, 409 with the current
 * revision, 422 with the state and the actions allowed now (or for a reused idempotency key). Everything else reads the outcome.
 */
export function problemFor(outcome: Refusal): ProblemException {
  switch (outcome.kind) {
    case 'forbidden':
      return Problems.forbidden(outcome.message);
    case 'keyReused':
      return problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency-key-reused',
        'Idempotency-Key reused for a different request',
        {
          detail: outcome.message,
        },
      );
    case 'notFound':
      return Problems.notFound(outcome.message);
    case 'conflict':
      return Problems.staleRevision(revisionText(outcome.expected), revisionText(outcome.actual));
    case 'rejected': {
      const r = outcome.rejection;
      const invalid = r.kind === 'invalid';
      return problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        invalid ? 'rule-violated' : 'transition-not-allowed',
        invalid ? 'The command breaks a rule of the case' : 'Not allowed in the current state',
        {
          detail: r.message,
          command: r.command,
          state: r.state,
          allowedActions: r.allowed,
          ...(r.field ? { field: r.field } : {}),
        },
      );
    }
  }
}

const revisionText = (revision: bigint | 'no_stream') => (revision === 'no_stream' ? '-1' : String(revision));
