import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A correlation id travels into every event's metadata, so only a short, plain one is kept. */
const ACCEPTABLE = /^[A-Za-z0-9._:/@-]{1,128}$/;

/** The caller's correlation id when it is acceptable, else a new one; echoed back either way. */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-correlation-id'];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  res.setHeader('X-Correlation-Id', id);
  return id;
}
