import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '@app/case-runtime';

/**
 * Where personal data could reach a log line, and is cut out before it is written: credentials
 * and cookies, any request or response body (handovers carry the debtor's name and contact,
 * objections the debtor's own words), and the query string (a search could name a debtor).
 * The request log writes none of the bodies or headers; the redaction keeps it so if a log
 * call or a serializer ever passes them.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'req.query',
  'res.body',
  'err.body',
  'err.response',
];

/** The logger's options: the level, the redaction, and a request shown by its path only. */
export function logOptions(config: AppConfig): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // The path only: a query string is left out, it could name a debtor.
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
      err: pino.stdSerializers.err,
    },
  };
}

/** The API's one logger, writing JSON lines to stdout unless a test captures them. */
export function createLogger(config: AppConfig, destination?: DestinationStream): Logger {
  return destination ? pino(logOptions(config), destination) : pino(logOptions(config));
}
