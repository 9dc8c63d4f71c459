import { CaseCommands } from '@app/case-runtime';
import { Api, claim, token } from './api-harness';

const payment = (reference: string, amount = 500) => ({ amount, paidOn: '2025-03-03', reference });

async function eventsOfType(api: Api, id: string, type: string) {
  return (await api.history(id)).filter((e: { type: string }) => e.type === type);
}

describe('idempotency that holds across instances and crashes', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it('given a payment stored but its answer lost in a crash, when the client retries, then it gets the original answer and nothing more is stored', async () => {
    const id = await api.handOver();
    // The request reaches the store; the process dies before the response leaves.
    const lost = await api.app.get(CaseCommands).execute({
      caseId: id,
      command: { type: 'RegisterPayment', data: payment('KID lost') },
      principal: { subject: 'cw-1', role: 'caseworker' },
      correlationId: 'crash',
      idempotencyKey: 'pay-lost',
    });
    expect(lost.kind).toBe('accepted');
    await api.post(`/cases/${id}/payments`, payment('KID other', 300)); // the case moves on meanwhile

    const retry = await api.post(`/cases/${id}/payments`, payment('KID lost'), 'caseworker', {
      'Idempotency-Key': 'pay-lost',
    });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.appended).toEqual(lost.kind === 'accepted' ? lost.events.map((e) => e.type) : []);
    expect(retry.body.appended[0]).toBe('PaymentRegistered');
    expect(retry.body.case.amounts.paid).toBe(500);
    expect(retry.body.revision).toBe(lost.kind === 'accepted' ? String(lost.revision) : 'none');
    expect(await eventsOfType(api, id, 'PaymentRegistered')).toHaveLength(2);
  });

  it('given an objection stored but its answer lost, when the client retries, then it is answered 200, not 422', async () => {
    const id = await api.handOver();
    const objection = { debtorStatement: 'Never ordered', channel: 'written' };
    const headers = { 'Idempotency-Key': 'obj-1' };
    const first = await api.post(`/cases/${id}/objections`, objection, 'caseworker', headers);
    const retry = await api.post(`/cases/${id}/objections`, objection, 'caseworker', headers);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body).toEqual(first.body);
    expect(await eventsOfType(api, id, 'ObjectionRegistered')).toHaveLength(1);
  });

  it('given a key used on one case, when it is reused for a request on another case, then it is refused', async () => {
    const one = await api.handOver();
    const two = await api.handOver();
    await api.post(`/cases/${one}/payments`, payment('A'), 'caseworker', { 'Idempotency-Key': 'pay-x' });
    const other = await api.post(`/cases/${two}/payments`, payment('A'), 'caseworker', { 'Idempotency-Key': 'pay-x' });
    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/idempotency-key-reused$/);
    expect(await eventsOfType(api, two, 'PaymentRegistered')).toHaveLength(0);
  });

  it("given two creditors whose tokens share a subject, when both use one key, then neither sees the other's case", async () => {
    const a = await token({ subject: 'shared-subject', role: 'creditor', creditorId: 'creditor-a' });
    const b = await token({ subject: 'shared-subject', role: 'creditor', creditorId: 'creditor-b' });
    api.tokens.sharedA = a;
    api.tokens.sharedB = b;
    const forA = await api.post('/cases', claim({ creditorId: 'creditor-a' }), 'sharedA', { 'Idempotency-Key': 'h-1' });
    const forB = await api.post('/cases', claim({ creditorId: 'creditor-b' }), 'sharedB', { 'Idempotency-Key': 'h-1' });
    expect([forA.status, forB.status]).toEqual([201, 201]);
    expect(forB.body.case.creditorId).toBe('creditor-b');
    expect(forB.body.case.caseId).not.toBe(forA.body.case.caseId);
  });
});

describe('one key, two bodies, two instances at once', () => {
  it('given two API instances on one store, when the same key arrives with two different payments at once, then one is stored and the other refused', async () => {
    const one = await new Api().start();
    const two = await new Api({ dir: one.dir }).start();
    try {
      const id = await one.handOver();
      for (let round = 0; round < 5; round++) {
        const key = { 'Idempotency-Key': `race-${round}` };
        const answers = await Promise.all([
          one.post(`/cases/${id}/payments`, payment(`one-${round}`, 100), 'caseworker', key),
          two.post(`/cases/${id}/payments`, payment(`two-${round}`, 200), 'caseworker', key),
        ]);
        const statuses = answers.map((a) => a.status).sort();
        expect(statuses).toEqual([200, 422]);
        const winner = answers[0].status === 200 ? `one-${round}` : `two-${round}`;
        const stored = (await eventsOfType(one, id, 'PaymentRegistered')).map((e) => String(e.data.reference));
        // Every 200 stands for events that were stored, and nothing else was.
        expect(stored.filter((r: string) => r.endsWith(`-${round}`))).toEqual([winner]);
      }
    } finally {
      await two.stop({ keepFiles: true });
      await one.stop();
    }
  });
});

describe('keys are remembered for a while, not for ever', () => {
  it('given a key older than IDEMPOTENCY_KEY_HOURS, when it is used again for another request, then the new request is taken', async () => {
    const api = await new Api().start({ IDEMPOTENCY_KEY_HOURS: '1' });
    try {
      const id = await api.handOver();
      const first = await api.post(`/cases/${id}/payments`, payment('A'), 'caseworker', { 'Idempotency-Key': 'k' });
      expect(first.status).toBe(200);
      const soon = await api.post(`/cases/${id}/payments`, payment('B'), 'caseworker', { 'Idempotency-Key': 'k' });
      expect(soon.status).toBe(422);
      await api
        .http()
        .post('/dev/clock')
        .send({ advanceSeconds: 2 * 3600 });
      const later = await api.post(`/cases/${id}/payments`, payment('B'), 'caseworker', { 'Idempotency-Key': 'k' });
      expect(later.status).toBe(200);
      expect(later.headers['idempotent-replayed']).toBeUndefined();
    } finally {
      await api.stop();
    }
  });
});
