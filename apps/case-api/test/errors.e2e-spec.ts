import { Api, claim, token } from './api-harness';

const PROBLEM = /application\/problem\+json/;

describe('bad requests get a clear error and change nothing', () => {
  const api = new Api();
  let id: string;
  beforeAll(async () => {
    await api.start();
    id = await api.handOver();
  });
  afterAll(() => api.stop());

  it('400 names each invalid field, and nothing is appended', async () => {
    const before = await api.historyLength(id);
    const res = await api.post(`/cases/${id}/payments`, { amount: 10.5, paidOn: 'yesterday', reference: '' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'paidOn', 'reference']);
    expect(await api.historyLength(id)).toBe(before);
  });

  it('400 for nested fields of a handover, with their paths', async () => {
    const res = await api.post(
      '/cases',
      claim({
        invoice: {
          number: '1',
          issueDate: '2025-01-01',
          dueDate: '2025-02-01',
          currency: 'NOK',
          lines: [{ lineId: 'A', description: 'x', amount: -5 }],
        },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'invoice.lines.0.amount' })]),
    );
  });

  it('400 for unknown fields, malformed JSON; 413 for an oversized body; never a 500', async () => {
    expect((await api.post(`/cases/${id}/withdrawal`, { reason: 'x', actor: 'someone-else' })).status).toBe(400);
    const malformed = await api
      .http()
      .post(`/cases/${id}/withdrawal`)
      .set('Authorization', `Bearer ${api.tokens.caseworker}`)
      .set('Content-Type', 'application/json')
      .send('{"reason": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(PROBLEM);
    const huge = await api.post(`/cases/${id}/withdrawal`, { reason: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(await api.historyLength(id)).toBe(5);
  });

  it('415 for a body that is not JSON, 400 for a URL that does not decode, 404 for no route: problem documents with the correlation id', async () => {
    const asText = await api
      .http()
      .post(`/cases/${id}/withdrawal`)
      .set('Authorization', `Bearer ${api.tokens.caseworker}`)
      .set('Content-Type', 'text/plain')
      .set('X-Correlation-Id', 'corr-415')
      .send('{"reason":"x"}');
    const undecodable = await api.get('/cases/%ZZ').set('X-Correlation-Id', 'corr-400');
    const nowhere = await api.get('/nowhere').set('X-Correlation-Id', 'corr-404');
    for (const [res, status, correlationId] of [
      [asText, 415, 'corr-415'],
      [undecodable, 400, 'corr-400'],
      [nowhere, 404, 'corr-404'],
    ] as const) {
      expect({ status: res.status, correlationId: res.headers['x-correlation-id'] }).toEqual({ status, correlationId });
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.status).toBe(status);
    }
    // Refused by the router itself, before the case id's validation could see it.
    expect(undecodable.body.detail).toMatch(/not a valid url/);
    expect(await api.historyLength(id)).toBe(5);
  });

  it('401 without a token or with a forged one', async () => {
    expect((await api.http().get(`/cases/${id}`)).status).toBe(401);
    const forged = await api
      .http()
      .get(`/cases/${id}`)
      .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiY2FzZXdvcmtlciJ9.x');
    expect(forged.status).toBe(401);
    expect(forged.headers['content-type']).toMatch(PROBLEM);
  });

  it('403 when the role may not act: an auditor changes nothing, billing reads no cases', async () => {
    expect((await api.post(`/cases/${id}/withdrawal`, { reason: 'x' }, 'auditor')).status).toBe(403);
    expect((await api.get(`/cases/${id}`, 'billing')).status).toBe(403);
    expect((await api.post(`/cases/${id}/conciliation-complaint`, { board: 'Oslo' }, 'creditorA')).status).toBe(403);
    expect((await api.get(`/cases/${id}`, 'auditor')).status).toBe(200);
  });

  it('404 for an unknown case', async () => {
    const res = await api.post('/cases/7d9f2f0e-1c3b-4d5e-8f9a-0b1c2d3e4f50/payments', {
      amount: 100,
      paidOn: '2025-03-03',
      reference: 'x',
    });
    expect(res.status).toBe(404);
  });

  it('422 for a move the machine does not allow now, with the state and the allowed actions', async () => {
    const res = await api.post(`/cases/${id}/creditor-reply`, { reply: 'maintain', feeDecision: 'keep' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ state: 'collection.notice', command: 'RecordCreditorReply' });
    expect(res.body.allowedActions).toEqual([
      'RegisterObjection',
      'RegisterPayment',
      'IssueCreditNote',
      'WithdrawClaim',
      'CloseCase',
    ]);
  });

  it('422 for a command that breaks a rule of the case, naming the field', async () => {
    const res = await api.post(`/cases/${id}/objections`, { lineIds: ['L9'], debtorStatement: 'x', channel: 'oral' });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('lineIds');
  });

  it('409 with the current revision when If-Match is stale; the ETag is the revision', async () => {
    const current = await api.get(`/cases/${id}`);
    expect(current.headers.etag).toBe(`W/"${current.body.revision}"`);
    const stale = await api.post(`/cases/${id}/objections`, { debtorStatement: 'x', channel: 'oral' }, 'caseworker', {
      'If-Match': '"1"',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(current.body.revision);
    const fresh = await api.post(
      `/cases/${id}/payments`,
      { amount: 100, paidOn: '2025-03-03', reference: 'x' },
      'caseworker',
      { 'If-Match': current.headers.etag },
    );
    expect(fresh.status).toBe(200);
    expect(BigInt(fresh.body.revision)).toBeGreaterThan(BigInt(current.body.revision));
  });

  it('the ETag is weak: a day later the interest in the body has grown, the revision and ETag have not', async () => {
    const today = await api.get(`/cases/${id}`);
    await api.http().post('/dev/clock').send({ advanceSeconds: 86_400 });
    const tomorrow = await api.get(`/cases/${id}`);
    expect(tomorrow.body.revision).toBe(today.body.revision);
    expect(tomorrow.headers.etag).toBe(today.headers.etag);
    expect(tomorrow.body.case.amounts.interest).toBeGreaterThan(today.body.case.amounts.interest);
  });

  it('the actor is taken from the token, never from the body', async () => {
    const history = await api.history(id);
    expect(history.every((e: { actor: { kind: string } }) => e.actor.kind === 'caseworker')).toBe(true);
  });

  it('a creditor token without creditorId is refused', async () => {
    const bad = await token({ subject: 'x', role: 'creditor' });
    const res = await api.http().get(`/cases/${id}`).set('Authorization', `Bearer ${bad}`);
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('creditorId');
  });
});
