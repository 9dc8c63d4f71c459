import { HttpException, HttpStatus } from '@nestjs/common';

/** An RFC 9457 problem document; extra members carry what a client needs to recover. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}

const TYPE_BASE = 'https://collection-engine.local/problems/';

export function problem(
  status: HttpStatus,
  slug: string,
  title: string,
  extra: Partial<Problem> = {},
): ProblemException {
  return new ProblemException({ type: `${TYPE_BASE}${slug}`, title, status, ...extra });
}

export const Problems = {
  notFound: (detail = 'No such case.') => problem(HttpStatus.NOT_FOUND, 'not-found', 'Not found', { detail }),
  staleRevision: (expected: string, current: string) =>
    problem(HttpStatus.CONFLICT, 'stale-revision', 'The case has changed', {
      detail: `If-Match named revision ${expected}, but the case is at revision ${current}. Reload and retry.`,
      currentRevision: current,
    }),
  unauthorized: (detail: string) => problem(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', { detail }),
  forbidden: (detail: string) => problem(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', { detail }),
  invalid: (detail: string, errors: Array<{ field: string; messages: string[] }>) =>
    problem(HttpStatus.BAD_REQUEST, 'invalid-request', 'The request is invalid', { detail, errors }),
};
