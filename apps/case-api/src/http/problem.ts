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
    // Said in words wherever the error itself is shown (Nest would name the class).
    this.message = problem.detail ?? problem.title;
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
  // The body's own refusals, before any token is checked: the client's mistakes, never a 500.
  malformedJson: (detail: string) =>
    problem(HttpStatus.BAD_REQUEST, 'malformed-json', 'The request body is not valid JSON', { detail }),
  tooDeep: (detail: string) =>
    problem(HttpStatus.BAD_REQUEST, 'too-deep', 'The request body nests too deeply', { detail }),
  tooLarge: () => problem(HttpStatus.PAYLOAD_TOO_LARGE, 'too-large', 'The request body is too large'),
  unsupportedBody: (detail: string) =>
    problem(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'unsupported-body',
      'The request body’s charset or encoding is not supported',
      {
        detail,
      },
    ),
  unsupportedMediaType: (detail: string) =>
    problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-media-type', 'The request body must be JSON', { detail }),
  unreadableBody: (detail: string) =>
    problem(HttpStatus.BAD_REQUEST, 'unreadable-body', 'The request body could not be read', { detail }),
};
