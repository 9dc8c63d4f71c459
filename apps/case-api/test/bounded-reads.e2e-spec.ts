import { randomUUID } from 'node:crypto';
import { CaseProjector } from '@app/read-models';
import { Api } from './api-harness';
import { readModelStores } from './read-model-stores';

const stores = readModelStores('Bounded reads');

interface Paged {
  items: Array<{ revision: string; type: string }>;
  nextCursor: string | null;
}

const PAYMENTS = 101;
const AWAITING_REPLY = 51;

describe.each(stores)('bounded reads over HTTP on %s', (_, env) => {
  const api = new Api();
  let longCase: string;
  let events: number;
  const awaiting: string[] = [];

  /** Every page of a case's history or timeline, as the given reader walks it. */
  async function pages(caseId: string, route: 'history' | 'timeline', limit: number, as = 'caseworker') {
    const seen: Paged[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.get(`/cases/${caseId}/${route}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, as);
      expect(res.status).toBe(200);
      seen.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor && seen.length <= events);
    return seen;
  }

  beforeAll(async () => {
    await api.start(env);
    // A long-running case of creditor A: a small instalment paid again and again.
    longCase = await api.handOver({}, 'creditorA');
    for (let i = 0; i < PAYMENTS; i++) {
      const paid = await api.post(`/cases/${longCase}/payments`, {
        amount: 100,
        paidOn: '2025-03-03',
        reference: `P${i}`,
      });
      if (paid.status !== 200) throw new Error(`payment: ${paid.status} ${JSON.stringify(paid.body)}`);
    }
    // More objections waiting for creditor B's reply than the portfolio shows at once.
    for (let i = 0; i < AWAITING_REPLY; i++) {
      const id = await api.handOver({ creditorId: 'creditor-b' }, 'creditorB');
      await api.post(`/cases/${id}/objections`, { debtorStatement: 'Never ordered', channel: 'written' });
      await api.post(`/cases/${id}/objection/referral`, {});
      awaiting.push(id);
    }
    await api.app.get(CaseProjector).catchUp();
    events = Number((await api.get(`/cases/${longCase}`)).body.revision) + 1;
  }, 120_000);
  afterAll(() => api.stop());

  it.each(['history', 'timeline'] as const)(
    'pages through the %s of a long case in revision order, each event once, to a last page without a cursor',
    async (route) => {
      const seen = await pages(longCase, route, 7);
      const revisions = seen.flatMap((p) => p.items.map((e) => e.revision));
      expect(revisions).toEqual(Array.from({ length: events }, (__, i) => String(i)));
      expect(seen.slice(0, -1).every((p) => p.items.length === 7 && p.nextCursor)).toBe(true);
      expect(seen.at(-1)).toMatchObject({ nextCursor: null });
      expect(seen.at(-1)!.items.length).toBeGreaterThan(0);
      expect(seen[0].items[0].type).toBe('ClaimHandedOver');
      expect(seen.flatMap((p) => p.items).filter((e) => e.type === 'PaymentRegistered')).toHaveLength(PAYMENTS);
    },
  );

  it('tells the same events in the timeline as the history, page for page', async () => {
    const history = (await pages(longCase, 'history', 50)).flatMap((p) => p.items.map((e) => [e.revision, e.type]));
    const timeline = (await pages(longCase, 'timeline', 50)).flatMap((p) => p.items.map((e) => [e.revision, e.type]));
    expect(timeline).toEqual(history);
  });

  it.each(['history', 'timeline'])(
    'answers the %s 100 events at a time unless asked, and at most 500',
    async (route) => {
      expect(events).toBeGreaterThan(100);
      const first = await api.get(`/cases/${longCase}/${route}`);
      expect(first.body.items).toHaveLength(100);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const whole = await api.get(`/cases/${longCase}/${route}?limit=500`);
      expect(whole.body.items).toHaveLength(events);
      expect(whole.body.nextCursor).toBeNull();
      const tooMany = await api.get(`/cases/${longCase}/${route}?limit=501`);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    },
  );

  it.each(['history', 'timeline'])('refuses a %s cursor it did not issue for this case with a 400', async (route) => {
    const garbage = await api.get(`/cases/${longCase}/${route}?cursor=garbage`);
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const ofAnotherCase = (await api.get(`/cases/${awaiting[0]}/${route}?limit=1`)).body.nextCursor;
    const replayed = await api.get(`/cases/${longCase}/${route}?cursor=${ofAnotherCase}`);
    expect(replayed.status).toBe(400);
    expect(replayed.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it.each(['history', 'timeline'])(
    "keeps a creditor out of another creditor's %s, page by page (404)",
    async (route) => {
      const next = (await api.get(`/cases/${longCase}/${route}?limit=5`, 'creditorA')).body.nextCursor;
      expect((await api.get(`/cases/${longCase}/${route}?limit=5&cursor=${next}`, 'creditorA')).status).toBe(200);
      expect((await api.get(`/cases/${longCase}/${route}?limit=5`, 'creditorB')).status).toBe(404);
      expect((await api.get(`/cases/${longCase}/${route}?limit=5&cursor=${next}`, 'creditorB')).status).toBe(404);
      expect((await api.get(`/cases/${randomUUID()}/${route}`)).status).toBe(404);
    },
  );

  it("shows the first 50 objections awaiting the creditor's reply, and pages on to the rest", async () => {
    const portfolio = (await api.get('/portfolio', 'creditorB')).body;
    expect(portfolio.byStatus).toContainEqual(
      expect.objectContaining({ status: 'dispute.awaitingCreditor', cases: AWAITING_REPLY }),
    );
    expect(portfolio.totals.cases).toBe(AWAITING_REPLY);
    expect(portfolio.awaitingReply).toHaveLength(50);
    const rest = await api.get(`/portfolio/awaiting-reply?cursor=${portfolio.awaitingReplyNextCursor}`, 'creditorB');
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    const all = [...portfolio.awaitingReply, ...rest.body.items].map((r: { caseId: string }) => r.caseId);
    expect([...all].sort()).toEqual([...awaiting].sort());
  });

  it('pages through the replies awaited, earliest deadline first, each case once', async () => {
    const seen: Array<{ caseId: string; replyDueAt: string }> = [];
    let cursor: string | null = null;
    let pagesRead = 0;
    do {
      const res = await api.get(`/portfolio/awaiting-reply?limit=20${cursor ? `&cursor=${cursor}` : ''}`, 'creditorB');
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pagesRead += 1;
    } while (cursor && pagesRead < 10);
    expect(pagesRead).toBe(3);
    expect(new Set(seen.map((r) => r.caseId)).size).toBe(AWAITING_REPLY);
    const due = seen.map((r) => r.replyDueAt);
    expect(due.every(Boolean)).toBe(true);
    expect(due).toEqual([...due].sort());
    expect((await api.get('/portfolio/awaiting-reply', 'creditorA')).body).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a page of replies awaited above 200, or with a cursor it did not issue', async () => {
    const tooMany = await api.get('/portfolio/awaiting-reply?limit=201', 'creditorB');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    const garbage = await api.get('/portfolio/awaiting-reply?cursor=garbage', 'creditorB');
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    expect((await api.get('/portfolio/awaiting-reply')).status).toBe(403);
  });

  it.each(['/cases', '/queues/awaitingCreditor'])(
    'refuses a page of %s above 200 cases, naming the limit',
    async (path) => {
      expect((await api.get(`${path}?limit=200`)).status).toBe(200);
      const tooMany = await api.get(`${path}?limit=201`);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    },
  );
});
