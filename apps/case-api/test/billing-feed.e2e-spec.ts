import { createServer } from 'node:net';
import { EsdbProtocolFake } from '@app/event-store/testing';
import { Api } from './api-harness';

async function drain(api: Api, after?: string) {
  const events: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (;;) {
    const res = await api.get(`/integration/billing/events?limit=2${after ? `&after=${after}` : ''}`, 'billing');
    expect(res.status).toBe(200);
    events.push(...res.body.events);
    after = res.body.next;
    if (res.body.caughtUp) return { events, after: after! };
  }
}

function describeBillingFeed(name: string, env: () => Record<string, string>) {
  describe(`GET /integration/billing/events (${name})`, () => {
    const api = new Api();
    beforeAll(() => api.start(env()));
    afterAll(() => api.stop());

    it('given a claim handed over and paid, then billing reads its events in order, by cursor, without personal data', async () => {
      const id = await api.handOver();
      const paid = await api.post(`/cases/${id}/payments`, { amount: 50000, paidOn: '2025-03-03', reference: 'KID 1' });
      expect(paid.status).toBe(200);
      const { events } = await drain(api);
      const mine = events.filter((e) => e.caseId === id);
      // The handover sends the collection notice, whose fee the debtor bears.
      expect(mine.map((e) => e.type)).toEqual(['ClaimRegistered', 'FeeCharged', 'PaymentAllocated']);
      expect(mine[1].data).toMatchObject({ bearer: 'debtor', rule: { table: expect.any(String) } });
      expect(mine[0]).toMatchObject({
        version: 1,
        creditorId: 'creditor-a',
        data: { principal: { amount: 300000, currency: 'NOK' } },
      });
      expect(mine[2].data.amount).toEqual({ amount: 50000, currency: 'NOK' });
      expect(JSON.stringify(events)).not.toMatch(/Kari|Nordmann|kari@example/);
    });

    it('given a consumer at the head, when it long-polls and a payment is registered meanwhile, then the poll answers with it', async () => {
      const id = await api.handOver();
      const { after } = await drain(api);
      const poll = api.get(`/integration/billing/events?after=${after}&wait=10`, 'billing');
      const sent = new Promise((r) => setTimeout(r, 300)).then(() =>
        api.post(`/cases/${id}/payments`, { amount: 1000, paidOn: '2025-03-03', reference: 'KID 2' }),
      );
      const [res] = await Promise.all([poll, sent]);
      expect(res.status).toBe(200);
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['PaymentAllocated']);
    });

    it('given nothing new, then a long-poll is held for its wait and answers an empty page with the same cursor', async () => {
      const { after } = await drain(api);
      const started = Date.now();
      const res = await api.get(`/integration/billing/events?after=${after}&wait=1`, 'billing');
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(res.body).toEqual({ events: [], next: after, caughtUp: true });
    });

    it('answers only the billing role, and refuses a bad cursor, limit or wait with 400 naming the field', async () => {
      expect((await api.http().get('/integration/billing/events')).status).toBe(401);
      expect((await api.get('/integration/billing/events', 'caseworker')).status).toBe(403);
      expect((await api.get('/integration/billing/events', 'auditor')).status).toBe(403);
      for (const query of ['after=last-tuesday', 'limit=0', 'limit=1001', 'wait=31', 'wait=-1', 'limit=ten']) {
        const res = await api.get(`/integration/billing/events?${query}`, 'billing');
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body.errors[0].field).toBe(query.split('=')[0]);
      }
    });

    it('says on /health that no relay is configured when RABBITMQ_URL is unset', async () => {
      const health = await api.http().get('/health');
      expect(health.body.info.billingRelay).toMatchObject({
        status: 'up',
        condition: expect.stringContaining('not configured'),
      });
    });
  });
}

describeBillingFeed('SQLite', () => ({}));

describe('on EventStoreDB (protocol fake)', () => {
  const fake = new EsdbProtocolFake();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  describeBillingFeed('EventStoreDB client → protocol fake', () => ({ EVENTSTORE_URL: fake.connectionString }));
});

describe('the billing relay on /health and /metrics, with the broker down', () => {
  const api = new Api();
  let port = 0;
  beforeAll(async () => {
    // A port where nothing listens: a broker that is down.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    await api.start({ RABBITMQ_URL: `amqp://guest:guest@127.0.0.1:${port}`, BILLING_EXCHANGE: 'billing.e2e' });
  });
  afterAll(() => api.stop());

  it('given events the relay cannot publish, then /health stays up saying it retries, and /metrics shows the lag', async () => {
    await api.handOver();
    let relay: Record<string, unknown> = {};
    for (let i = 0; i < 100 && relay.state !== 'backingOff'; i++) {
      relay = (await api.http().get('/health')).body.info.billingRelay;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(relay).toMatchObject({
      status: 'up',
      condition: 'broker unreachable, retrying',
      state: 'backingOff',
      error: expect.stringContaining('ECONNREFUSED'),
      lag: { events: expect.any(Number) },
    });
    expect((relay.lag as { events: number }).events).toBeGreaterThan(0);
    const metrics = (await api.http().get('/metrics')).text;
    expect(metrics).toMatch(/^billing_relay_connected 0$/m);
    expect(Number(/^billing_relay_lag_events (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
    expect(metrics).toMatch(/^billing_relay_lag_seconds \d/m);
  });
});
