import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, problem, Problems, type Problem } from './problem';

/**
 * Every error leaves as application/problem+json. What Fastify refuses before a route runs (a
 * body of a type it does not parse, over the limit, cut short) is the client's mistake: a 4xx,
 * never a 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(error);
    if (body.status >= 500) {
      // The correlation id ties the error to its request line (the request log binds no context).
      const id = host.switchToHttp().getRequest<FastifyRequest>().id;
      this.logger.error(`request ${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    sendProblem(reply, body);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof ProblemException) return error.problem;
    // Fastify's own refusals of a body (FST_ERR_CTP_BODY_TOO_LARGE, FST_ERR_CTP_INVALID_MEDIA_TYPE)
    // reach us as HttpExceptions with their status; a stream error while reading one keeps its statusCode.
    const status =
      error instanceof HttpException ? error.getStatus() : Number((error as { statusCode?: unknown })?.statusCode);
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) return Problems.tooLarge().problem;
    if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
      return Problems.unsupportedMediaType('Send the body as application/json.').problem;
    }
    if (error instanceof HttpException) {
      const response = error.getResponse();
      const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return problem(status, `http-${status}`, error.message, {
        detail: Array.isArray(detail) ? detail.join('; ') : String(detail ?? ''),
      }).problem;
    }
    // A body cut short (the client hung up) is the client's mistake too.
    if (status >= 400 && status < 500) return Problems.unreadableBody((error as Error).message).problem;
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal', 'Internal error', {
      detail: 'An unexpected error; it has been logged.',
    }).problem;
  }
}

/** A problem document as the answer, whatever the route had set (`application/problem+json`). */
export function sendProblem(reply: FastifyReply, body: Problem): void {
  reply.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
