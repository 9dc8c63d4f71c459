import { Api, claim } from './api-harness';

describe('isolation, concurrency and retries', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it("a creditor sees and touches only its own cases: another's are 404", async () => {
    const id = await api.handOver({}, 'creditorA');
    expect((await api.get(`/cases/${id}`, 'creditorA')).status).toBe(200);
    expect((await api.get(`/cases/${id}`, 'creditorB')).status).toBe(404);
    expect((await api.get(`/cases/${id}/history`, 'creditorB')).status).toBe(404);
    const before = await api.historyLength(id);
    expect((await api.post(`/cases/${id}/withdrawal`, { reason: 'x' }, 'creditorB')).status).toBe(404);
    expect(await api.historyLength(id)).toBe(before);
  });

  it('a creditor cannot hand over a claim in another creditor’s name', async () => {
    expect((await api.post('/cases', claim({ creditorId: 'creditor-b' }), 'creditorA')).status).toBe(403);
  });

  it('handing over the same creditor reference again is the same case, and appends nothing', async () => {
    const body = claim();
    const first = await api.post('/cases', body);
    const again = await api.post('/cases', body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.case.caseId).toBe(first.body.case.caseId);
    expect(again.body.appended).toEqual([]);
    expect(await api.historyLength(first.body.case.caseId)).toBe(5);
  });

  it('concurrent commands on one case: exactly one wins each revision, the others get 409', async () => {
    const id = await api.handOver();
    const etag = (await api.get(`/cases/${id}`)).headers.etag;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.post(
          `/cases/${id}/payments`,
          { amount: 100 + i, paidOn: '2025-03-03', reference: `KID ${i}` },
          'caseworker',
          { 'If-Match': etag },
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const payments = (await api.history(id)).filter((e: { type: string }) => e.type === 'PaymentRegistered');
    expect(payments).toHaveLength(1);
  });

  it('concurrent commands without If-Match never overwrite each other: every 200 is in the history', async () => {
    const id = await api.handOver();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.post(`/cases/${id}/payments`, { amount: 100, paidOn: '2025-03-03', reference: `P${i}` }),
      ),
    );
    const ok = results.filter((r) => r.status === 200).length;
    expect(ok + results.filter((r) => r.status === 409).length).toBe(10);
    const payments = (await api.history(id)).filter((e: { type: string }) => e.type === 'PaymentRegistered');
    expect(payments).toHaveLength(ok);
    expect(ok).toBeGreaterThanOrEqual(1);
  });

  it('a retried command with the same Idempotency-Key returns the original response and appends nothing', async () => {
    const id = await api.handOver();
    const body = { amount: 500, paidOn: '2025-03-03', reference: 'KID retry' };
    const first = await api.post(`/cases/${id}/payments`, body, 'caseworker', { 'Idempotency-Key': 'pay-1' });
    const retry = await api.post(`/cases/${id}/payments`, body, 'caseworker', { 'Idempotency-Key': 'pay-1' });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(first.headers.etag);
    const payments = (await api.history(id)).filter((e: { type: string }) => e.type === 'PaymentRegistered');
    expect(payments).toHaveLength(1);
  });

  it('the same Idempotency-Key for a different request is refused', async () => {
    const id = await api.handOver();
    await api.post(`/cases/${id}/payments`, { amount: 500, paidOn: '2025-03-03', reference: 'A' }, 'caseworker', {
      'Idempotency-Key': 'pay-2',
    });
    const other = await api.post(
      `/cases/${id}/payments`,
      { amount: 900, paidOn: '2025-03-03', reference: 'B' },
      'caseworker',
      { 'Idempotency-Key': 'pay-2' },
    );
    expect(other.status).toBe(422);
  });

  it('the simulated clock moves by POST /dev/clock, and the case shows interest as of the new day', async () => {
    const id = await api.handOver();
    const before = (await api.get(`/cases/${id}`)).body.case.amounts.interest;
    const moved = await api.http().post('/dev/clock').send({ advanceDays: 30 });
    expect(moved.body.now).toBe('2025-04-02T09:00:00.000Z');
    const after = (await api.get(`/cases/${id}`)).body.case.amounts.interest;
    expect(after).toBeGreaterThan(before);
    await api.http().post('/dev/clock').send({ set: '2025-03-03T09:00:00.000Z' });
  });
});

describe('correlation', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it("every response carries a correlation id, the caller's when given, and the events record it", async () => {
    const res = await api.post('/cases', claim(), 'caseworker', { 'X-Correlation-Id': 'corr-123' });
    expect(res.headers['x-correlation-id']).toBe('corr-123');
    const history = await api.history(res.body.case.caseId);
    expect(history.every((e: { correlationId: string }) => e.correlationId === 'corr-123')).toBe(true);
    expect((await api.get(`/cases/${res.body.case.caseId}`)).headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
