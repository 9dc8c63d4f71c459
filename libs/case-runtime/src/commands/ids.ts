import { createHash } from 'node:crypto';
import { newEventId } from '@app/event-store';

/** A name-based (v5-style) UUID: the same name always gives the same id. */
export function uuidFrom(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One creditor's reference names one case: a repeated handover finds the same case. */
export function caseIdFor(creditorId: string, creditorReference: string): string {
  return uuidFrom(`case:${creditorId}:${creditorReference}`);
}

/**
 * Event ids for a command: derived from its idempotency key and request when it has one, so two
 * deciders of the same request (a retry, a second timer service) append it once, while another
 * request under the same key gets other ids and cannot pass for it.
 */
export function eventIds(count: number, caseId: string, request?: { scope: string; key: string; fingerprint: string }) {
  return Array.from({ length: count }, (_, i) =>
    request ? uuidFrom(`event:${caseId}:${request.scope}:${request.key}:${request.fingerprint}:${i}`) : newEventId(),
  );
}
