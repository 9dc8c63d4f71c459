import { SignJWT } from 'jose';
import { caseIdFor } from '@app/case-runtime';
import { Api, claim, SECRET } from './api-harness';

/** Each test here is a failure found by acceptance and fault testing, kept so it stays fixed. */
describe('no input breaks the engine', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it.each(['debtor', 'invoice'])(
    'given a handover without %s, then it is a 400 naming it, and nothing is stored',
    async (field) => {
      const body: Record<string, unknown> = claim();
      delete body[field];
      const res = await api.post('/cases', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(
        (await api.get('/cases?limit=200')).body.items.map((c: { creditorReference: string }) => c.creditorReference),
      ).not.toContain(body.creditorReference);
    },
  );

  it.each(['/cases', '/cases/00000000-0000-4000-8000-000000000000/payments'])(
    'given JSON nested 3,000 levels deep sent to %s, then it is a 400, never a 500',
    async (path) => {
      const res = await api
        .http()
        .post(path)
        .set('Authorization', `Bearer ${api.tokens.caseworker}`)
        .set('Content-Type', 'application/json')
        .send('['.repeat(3000) + ']'.repeat(3000));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    },
  );

  it('given a claim due in 2022, within limitation, then it is taken on and can be read with its interest', async () => {
    const old = claim({ invoice: { ...claim().invoice, issueDate: '2022-05-01', dueDate: '2022-06-02' } });
    const res = await api.post('/cases', old);
    expect(res.status).toBe(201);
    expect((await api.get(`/cases/${res.body.case.caseId}`)).status).toBe(200);
    expect(res.body.case.amounts.interest).toBeGreaterThan(0);
  });

  it('given a claim due before the first configured interest rate, then it is refused with 422 and nothing is stored', async () => {
    const ancient = claim({ invoice: { ...claim().invoice, issueDate: '2013-05-01', dueDate: '2013-06-01' } });
    const res = await api.post('/cases', ancient);
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('invoice.dueDate');
    expect((await api.get(`/cases/${caseIdFor('creditor-a', ancient.creditorReference)}`)).status).toBe(404);
  });

  it('given a correlation id of 8,000 characters, then a new one replaces it, in the answer and in the events', async () => {
    const res = await api.post('/cases', claim(), 'caseworker', { 'X-Correlation-Id': 'x'.repeat(8000) });
    expect(res.status).toBe(201);
    const used = res.headers['x-correlation-id'];
    expect(used).toMatch(/^[0-9a-f-]{36}$/);
    const history = await api.history(res.body.case.caseId);
    expect(history.every((e) => (e as { correlationId?: string }).correlationId === used)).toBe(true);
  });

  it('given a billing token and a malformed body, then the answer is 403: the role is checked before the body', async () => {
    const id = await api.handOver();
    const res = await api.post(`/cases/${id}/payments`, { amount: 'lots' }, 'billing');
    expect(res.status).toBe(403);
    const creditor = await api.post(`/cases/${id}/objections`, { nonsense: true }, 'creditorA');
    expect(creditor.status).toBe(403);
  });

  it('given a token without an expiry, then it is refused (401)', async () => {
    const forever = await new SignJWT({ role: 'caseworker' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('cw-forever')
      .sign(new TextEncoder().encode(SECRET));
    const res = await api.http().get('/cases').set('Authorization', `Bearer ${forever}`);
    expect(res.status).toBe(401);
  });
});

describe('what production can close', () => {
  it('given DOCS=disabled and METRICS=disabled, then /docs and /metrics are not served; /health still is', async () => {
    const api = await new Api().start({ DOCS: 'disabled', METRICS: 'disabled' });
    try {
      expect((await api.http().get('/docs/json')).status).toBe(404);
      expect((await api.http().get('/metrics')).status).toBe(404);
      expect((await api.http().get('/health')).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('given the defaults outside production, then /docs is served', async () => {
    const api = await new Api().start();
    try {
      expect((await api.http().get('/docs/json')).status).toBe(200);
    } finally {
      await api.stop();
    }
  });
});
