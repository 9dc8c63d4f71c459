export const ROLES = ['caseworker', 'creditor', 'auditor', 'billing'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token: the actor of every event they cause. */
export interface Principal {
  subject: string;
  role: Role;
  /** For a creditor: the only creditor whose cases it sees. */
  creditorId?: string;
}

export function actorOf(p: Principal): { kind: Role; id: string; creditorId?: string } {
  return p.creditorId ? { kind: p.role, id: p.subject, creditorId: p.creditorId } : { kind: p.role, id: p.subject };
}
