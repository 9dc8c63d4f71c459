import { createHash } from 'node:crypto';
import type { CaseCommandRequest } from '@app/case-domain';
import type { Principal } from '../auth/principal';
import type { StoredCaseEvent } from './case-streams.port';

/** Whose key it is: one caller's keys never meet another's, nor another creditor's. */
export function idempotencyScopeOf(principal: Principal): string {
  return `${principal.role}:${principal.creditorId ?? '-'}:${principal.subject}`;
}

/** The request as asked: a retry has the same one, another request under the same key does not. */
export function fingerprintOf(command: CaseCommandRequest): string {
  return createHash('sha256').update(JSON.stringify(command)).digest('hex');
}

export interface PriorUse {
  fingerprint: string;
  /** The events that request appended, in order. */
  events: StoredCaseEvent[];
}

/** The events a request with this key appended to the case (metadata), within the key's lifetime. */
export function priorUseIn(stored: readonly StoredCaseEvent[], scope: string, key: string, since: string) {
  const events = stored.filter(
    (s) =>
      s.metadata.idempotencyKey === key &&
      s.metadata.idempotencyScope === scope &&
      String(s.metadata.occurredAt ?? '') >= since,
  );
  if (events.length === 0) return null;
  return { fingerprint: String(events[0].metadata.requestFingerprint), events } satisfies PriorUse;
}
