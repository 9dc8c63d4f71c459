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
 * Event ids for a command: derived from the idempotency key when there is one, so a retry
 * that slips past the response cache is still a no-op in the store.
 */
export function eventIds(count: number, caseId: string, idempotencyKey?: string): string[] {
  return Array.from({ length: count }, (_, i) =>
    idempotencyKey ? uuidFrom(`event:${caseId}:${idempotencyKey}:${i}`) : newEventId(),
  );
}
