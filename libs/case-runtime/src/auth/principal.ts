/** The roles a token can carry. */
export const ROLES = ['caseworker', 'creditor', 'auditor', 'billing'] as const;
/** `system` is the engine itself (the timer service); no token can claim it. */
export type Role = (typeof ROLES)[number] | 'system';

/** Who is calling, from a verified token: the actor of every event they cause. */
export interface Principal {
  subject: string;
  role: Role;
  /** For a creditor: the only creditor whose cases it sees. */
  creditorId?: string;
}

export const SYSTEM_TIMER: Principal = { subject: 'timer-service', role: 'system' };

export function actorOf(p: Principal): { kind: Role; id: string; creditorId?: string } {
  return p.creditorId ? { kind: p.role, id: p.subject, creditorId: p.creditorId } : { kind: p.role, id: p.subject };
}
