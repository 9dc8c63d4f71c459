import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { correlationIdFor } from '../http/correlation';

type LoggedRequest = IncomingMessage & { id?: string };

/**
 * One line per request, when its response is done: correlation id, method, path (no query
 * string), status and time taken. Nothing is built per request but that line (no child logger,
 * no request-scoped context), so logging costs a serialisation and a write; bodies and headers
 * never reach it. The correlation id is set here too, for the command path's event metadata.
 */
export function requestLog(logger: Logger) {
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    const started = performance.now();
    req.id = correlationIdFor(req, res);
    res.once('close', () => {
      const level = !res.writableFinished ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        req: { id: req.id, method: req.method, url: req.url ?? '' },
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      logger[level](
        line,
        level === 'warn' ? 'request aborted' : level === 'error' ? 'request errored' : 'request completed',
      );
    });
    next();
  };
}
