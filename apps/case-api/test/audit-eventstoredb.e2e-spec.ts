import { EsdbProtocolFake } from '@app/event-store/testing';
import { Api } from './api-harness';

/** The chain is linked on the way into any adapter: on EventStoreDB (the protocol fake, via the real client) too. */
describe('audit on EventStoreDB (protocol fake)', () => {
  const fake = new EsdbProtocolFake();
  const api = new Api();
  beforeAll(async () => {
    await fake.start();
    await api.start({ EVENTSTORE_URL: fake.connectionString });
  });
  afterAll(async () => {
    await api.stop();
    await fake.stop();
  });

  it('chains every event of a case, verifies it sound, and shows it as of an earlier revision', async () => {
    const id = await api.handOver();
    const before = (await api.get(`/cases/${id}`)).body;
    await api.post(`/cases/${id}/objections`, { debtorStatement: 'No', channel: 'written' });
    const verification = (await api.get(`/cases/${id}/verification`, 'auditor')).body;
    const events = (await api.history(id)).length;
    expect(verification).toMatchObject({ sound: true, findings: [], events });
    expect(verification.chain).toEqual({ chained: events, unchained: 0, firstBroken: null });
    const then = (await api.get(`/cases/${id}?asOf=${before.revision}`, 'auditor')).body;
    expect(then.case.status).toBe(before.case.status);
    expect(then.case.flags.disputeCode).toBe(false);
  });
});
