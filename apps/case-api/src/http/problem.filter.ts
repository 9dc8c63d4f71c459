import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException, problem, type Problem } from './problem';

/**
 * Every error leaves as application/problem+json. Express body errors (malformed JSON, a body
 * too large) are the client's mistakes and get 400/413, never a 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(error);
    if (body.status >= 500) {
      // The correlation id ties the error to its request line (the request log binds no context).
      const id = String(host.switchToHttp().getRequest<{ id?: unknown }>().id ?? '-');
      this.logger.error(`request ${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof ProblemException) return error.problem;
    const bodyError = error as { type?: string; status?: number };
    if (bodyError?.type === 'entity.too.large') {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, 'too-large', 'The request body is too large').problem;
    }
    if (bodyError?.type === 'entity.too.deep') {
      return problem(HttpStatus.BAD_REQUEST, 'too-deep', 'The request body nests too deeply', {
        detail: (error as Error).message,
      }).problem;
    }
    if (bodyError?.type === 'entity.parse.failed') {
      return problem(HttpStatus.BAD_REQUEST, 'malformed-json', 'The request body is not valid JSON').problem;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return problem(status, `http-${status}`, error.message, {
        detail: Array.isArray(detail) ? detail.join('; ') : String(detail ?? ''),
      }).problem;
    }
    // Any other error the body parser raises is the client's too (http-errors marks them `expose`):
    // a charset or content encoding it does not take (415), a body that does not inflate (400).
    const status = Number(bodyError?.status);
    if ((error as { expose?: unknown })?.expose === true && status >= 400 && status < 500) {
      const unsupported = status === HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      return problem(
        status,
        unsupported ? 'unsupported-body' : 'unreadable-body',
        unsupported ? 'The request body’s charset or encoding is not supported' : 'The request body could not be read',
        { detail: (error as Error).message },
      ).problem;
    }
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal', 'Internal error', {
      detail: 'An unexpected error; it has been logged.',
    }).problem;
  }
}
