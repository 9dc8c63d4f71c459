import type { HttpClient } from './http';

/** The calendar day `days` away from `day` (YYYY-MM-DD). */
export function dayFrom(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A consumer claim of 3 000 NOK on two lines, due a month before `today`, as in the README's walkthrough. */
export function claimBody(creditorId: string, reference: string, today: string) {
  return {
    creditorId,
    creditorReference: reference,
    debtor: {
      id: `debtor-${reference}`,
      name: 'Kari Nordmann',
      kind: 'consumer',
      contact: { phone: '+4791234567', email: 'kari@example.no' },
    },
    invoice: {
      number: reference.slice(0, 50),
      issueDate: dayFrom(today, -45),
      dueDate: dayFrom(today, -30),
      currency: 'NOK',
      lines: [
        { lineId: 'L1', description: 'Installation', amount: 200000 },
        { lineId: 'L2', description: 'Service visit', amount: 100000 },
      ],
    },
  };
}

export interface HistoryItem {
  revision: string;
  type: string;
  data: Record<string, unknown>;
  actor: { kind: string };
  correlationId: string;
}

/** The whole history of a case, page by page (500 a page). */
export async function historyOf(client: HttpClient, token: string, caseId: string): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const res = await client.get(
      `/cases/${caseId}/history?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    );
    if (res.status !== 200) throw new Error(`history of ${caseId}: ${res.status} ${res.text}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`history of ${caseId}: more than 1000 pages`);
}

/** Every page of a cursor-paged list (`/cases?limit=200`, a timeline), bounded to `maxPages`. */
export async function allPages(client: HttpClient, token: string, path: string, maxPages = 200): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor: string | null = null;
  const join = path.includes('?') ? '&' : '?';
  for (let page = 0; page < maxPages; page++) {
    const res = await client.get(`${path}${cursor ? `${join}cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${path}: more than ${maxPages} pages`);
}

/** Hands over a claim and returns its case id (201, or 200 for one already handed over). */
export async function handOver(
  client: HttpClient,
  token: string,
  creditorId: string,
  reference: string,
  today: string,
) {
  const res = await client.post('/cases', claimBody(creditorId, reference, today), token);
  if (res.status !== 201 && res.status !== 200) throw new Error(`handover ${reference}: ${res.status} ${res.text}`);
  return res.body.case.caseId as string;
}
