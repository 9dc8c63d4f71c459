import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '@app/case-runtime';
import { correlationIdFor } from '../http/correlation';

/**
 * Where personal data could reach a log line, and is cut out before it is written: credentials
 * and cookies, any request or response body (handovers carry the debtor's name and contact,
 * objections the debtor's own words), and the query string (a search could name a debtor).
 * pino-http logs none of the bodies today; the redaction keeps it so if a serializer changes.
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

/** The request log's options, and the stream it writes to (stdout unless a test captures it). */
export function requestLogOptions(
  config: AppConfig,
  destination?: DestinationStream,
): Options | [Options, DestinationStream] {
  const options: Options = {
    level: config.logLevel,
    genReqId: correlationIdFor,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // The path only: a query string is left out, it could name a debtor.
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
    },
  };
  return destination ? [options, destination] : options;
}
