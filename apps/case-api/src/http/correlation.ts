import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A correlation id travels into every event's metadata, so only a short, plain one is kept. */
const ACCEPTABLE = /^[A-Za-z0-9._:/@-]{1,128}$/;

/**
 * Fastify's `genReqId`: the caller's correlation id when it is acceptable, else a new one. It is
 * the request's `id`, so the request log, the command path and the problem filter read the same;
 * the request log echoes it on every answer.
 */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
