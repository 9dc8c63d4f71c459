import { CaseProjector } from '@app/read-models';
import { Api } from './api-harness';
import { readModelStores } from './read-model-stores';

const stores = readModelStores('Read-model end-to-end tests');

describe.each(stores)('queues, portfolio and timeline over HTTP on %s', (_, env) => {
  const api = new Api();
  const ids: string[] = [];
  beforeAll(async () => {
    await api.start(env);
    for (let i = 0; i < 6; i++) {
      const id = i % 3 === 0 ? await api.handOver({ creditorId: 'creditor-b' }, 'creditorB') : await api.handOver();
      ids.push(id);
      if (i % 3 === 0) continue;
      await api.post(`/cases/${id}/objections`, { debtorStatement: 'No', channel: 'written' });
      if (i % 3 === 2) await api.post(`/cases/${id}/objection/referral`, {});
    }
    await api.app.get(CaseProjector).catchUp();
  });
  afterAll(() => api.stop());

  it('counts the caseworker queues and pages through one by cursor', async () => {
    const counts = (await api.get('/queues')).body.queues;
    expect(counts.find((q: { name: string }) => q.name === 'objectionsToAssess').count).toBe(2);
    expect(counts.find((q: { name: string }) => q.name === 'awaitingCreditor').count).toBe(2);
    const first = await api.get('/queues/objectionsToAssess?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await api.get(`/queues/objectionsToAssess?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].caseId).not.toBe(first.body.items[0].caseId);
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.items[0]).toMatchObject({
      status: 'dispute.assessing',
      flags: { disputeCode: true },
      allowedActions: expect.arrayContaining(['RejectObjection']),
    });
  });

  it('refuses an unknown queue (404) and a forged cursor (400)', async () => {
    expect((await api.get('/queues/nope')).status).toBe(404);
    expect((await api.get('/queues/awaitingCreditor?cursor=garbage')).status).toBe(400);
    expect((await api.get('/queues', 'creditorA')).status).toBe(403);
  });

  it('gives a creditor its own portfolio and only its own cases', async () => {
    const portfolio = (await api.get('/portfolio', 'creditorB')).body;
    expect(portfolio.totals.cases).toBe(2);
    const listed = (await api.get('/cases?limit=50', 'creditorB')).body.items;
    expect(listed.every((c: { creditorId: string }) => c.creditorId === 'creditor-b')).toBe(true);
    const mine = (await api.get('/portfolio', 'creditorA')).body;
    expect(mine.awaitingReply).toHaveLength(2);
    expect(mine.awaitingReplyNextCursor).toBeNull();
    expect(mine.awaitingReply[0].replyDueAt).toBeTruthy();
    expect((await api.get(`/cases/${ids[1]}/timeline`, 'creditorB')).status).toBe(404);
  });

  it('shows the timeline in readable sentences, and interest as of today', async () => {
    const { items: timeline, nextCursor } = (await api.get(`/cases/${ids[2]}/timeline`)).body;
    expect(nextCursor).toBeNull();
    expect(timeline[0]).toMatchObject({ type: 'ClaimHandedOver', revision: '0', actor: { kind: 'caseworker' } });
    expect(timeline.some((t: { sentence: string }) => t.sentence.includes('referred to the creditor'))).toBe(true);
    const before = (await api.get('/cases?status=dispute.awaitingCreditor')).body.items[0].amounts.interest;
    api.clock.advance(10 * 86_400_000);
    const later = (await api.get('/cases?status=dispute.awaitingCreditor')).body.items[0].amounts.interest;
    expect(later).toBeGreaterThan(before);
    api.clock.set('2025-03-03T09:00:00.000Z');
  });

  it('reports the projection on /health with its lag', async () => {
    const health = (await api.http().get('/health')).body;
    expect(health.info.projection).toMatchObject({ status: 'up', projector: 'running', events: 0 });
    const metrics = (await api.http().get('/metrics')).text;
    expect(metrics).toMatch(/^projection_lag_events{projection="read-models"} 0$/m);
    expect(metrics).toMatch(/^projection_lag_seconds{projection="read-models"} 0$/m);
  });
});
