import { randomUUID } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import { CaseProjector } from '@app/read-models';
import { EVENT_STORE } from '@app/case-runtime';
import { Api } from './api-harness';
import { readModelStores } from './read-model-stores';

const stores = readModelStores('Parked streams over HTTP');

describe.each(stores)('a poison event over HTTP on %s', (_, env) => {
  const api = new Api();
  beforeAll(() => api.start(env));
  afterAll(() => api.stop());

  it('given a case with an event the fold cannot handle, when another case is handed over after it, then /health is degraded (200) naming the parked case, /metrics counts it, and the new case is listed', async () => {
    const poisoned = await api.handOver();
    await api.app.get(CaseProjector).catchUp();
    const healthy = await api.http().get('/health');
    expect(healthy.status).toBe(200);
    expect(healthy.body.info.projection).toMatchObject({ status: 'up', condition: 'healthy', parked: 0 });

    // A payment without its allocation: `evolve` throws on it, as on a bug shipped to production.
    await api.app
      .get<EventStore>(EVENT_STORE)
      .append(
        `case-${poisoned}`,
        [{ id: randomUUID(), type: 'PaymentRegistered', data: { at: '2025-03-04T09:00:00.000Z' }, metadata: {} }],
        { expectedRevision: 'any' },
      );
    const later = await api.handOver();
    await api.app.get(CaseProjector).catchUp();

    const health = await api.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.info.projection).toMatchObject({
      status: 'up',
      condition: 'degraded',
      projector: 'running',
      events: 0,
      parked: 1,
      parkedStreams: [{ caseId: poisoned, error: expect.any(String), revision: expect.any(Number) }],
    });
    const metrics = (await api.http().get('/metrics')).text;
    expect(metrics).toMatch(/^projection_parked_streams{projection="read-models"} 1$/m);
    expect(metrics).toMatch(/^projection_lag_events{projection="read-models"} 0$/m);
    const listed = (await api.get('/cases?limit=50')).body.items.map((c: { caseId: string }) => c.caseId);
    expect(listed).toEqual(expect.arrayContaining([poisoned, later]));
  });
});
