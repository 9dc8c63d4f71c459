import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** The request log on every route and on the not-found handler: one `onRequest` hook. */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    followRequest(logger, request, reply);
    done();
  });
}

/**
 * One line per request, when its response is done: correlation id, method, path (no query
 * string), status and time taken. Nothing is built per request but that line (no child logger,
 * no request-scoped context), so logging costs a serialisation and a write; bodies and headers
 * never reach it. The correlation id (the request's id, see `correlationIdOf`) is echoed here
 * too, before anything can refuse the request.
 *
 * The line is written when the response closes, not from Fastify's `onResponse` and
 * `onRequestAbort` hooks: a client that hangs up while a command runs, after sending its whole
 * body, meets neither, and its request must still leave a line (a warning).
 */
export function followRequest(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('X-Correlation-Id', request.id);
  const started = performance.now();
  reply.raw.once('close', () => {
    const res = reply.raw;
    const level = !res.writableFinished ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const line = {
      req: { id: request.id, method: request.method, url: request.url },
      res: { statusCode: res.statusCode },
      responseTime: Math.round(performance.now() - started),
    };
    logger[level](
      line,
      level === 'warn' ? 'request aborted' : level === 'error' ? 'request errored' : 'request completed',
    );
  });
}
