import { EsdbProtocolFake } from '@app/event-store/testing';
import { Api } from './api-harness';

/** The same API with EventStoreDB as the system of record (here: the protocol fake, via the real client). */
describe('the API on EventStoreDB (protocol fake)', () => {
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

  it('takes a case through an objection, reports the store on /health, and refuses a stale revision', async () => {
    const id = await api.handOver();
    const objected = await api.post(`/cases/${id}/objections`, { debtorStatement: 'No', channel: 'written' });
    expect(objected.body.case.status).toBe('dispute.assessing');
    const stale = await api.post(`/cases/${id}/objection/referral`, {}, 'caseworker', { 'If-Match': '"0"' });
    expect(stale.status).toBe(409);
    const history = await api.history(id);
    expect(history[0].type).toBe('ClaimHandedOver');
    expect(history.at(-1)?.type).toBe('DeadlineCancelled');
    const health = await api.http().get('/health');
    expect(health.body.info.eventStore).toMatchObject({ status: 'up', kind: 'eventstoredb' });
  });
});
