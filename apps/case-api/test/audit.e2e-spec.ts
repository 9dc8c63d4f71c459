import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Api } from './api-harness';

/** What an auditor checks over HTTP, and how caseworkers see that an auditor has looked. */
describe('audit over HTTP: verification and the auditor access log', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it('given a case the engine recorded, then its verification is sound and every event chained', async () => {
    const id = await api.handOver();
    await api.advance(20);
    const res = await api.get(`/cases/${id}/verification`, 'auditor');
    expect(res.status).toBe(200);
    const events = (await api.history(id)).length;
    expect(res.body).toMatchObject({ caseId: id, sound: true, findings: [], events, status: 'collection.demand' });
    expect(res.body.chain).toEqual({ chained: events, unchained: 0, firstBroken: null });
  });

  it('given a stored event altered in the file, then verification names its revision', async () => {
    const id = await api.handOver();
    const db = new Database(join(api.dir, 'engine.sqlite'));
    db.prepare(
      `UPDATE es_events SET data = replace(data, 'Installation', 'Installasjon') WHERE stream_id = ? AND revision = 0`,
    ).run(`case-${id}`);
    db.close();
    const res = await api.get(`/cases/${id}/verification`, 'caseworker');
    expect(res.body.sound).toBe(false);
    expect(res.body.findings[0]).toMatchObject({ kind: 'chainBroken', revision: '0' });
  });

  it('records every read by an auditor (who, which route, when), shows it to caseworkers, and not the caseworkers’ own reads', async () => {
    const id = await api.handOver();
    expect((await api.get(`/cases/${id}/access-log`)).body).toEqual({ items: [], auditorHasRead: false });
    await api.get(`/cases/${id}`, 'caseworker');
    await api.get(`/cases/${id}?asOf=0`, 'auditor');
    await api.get(`/cases/${id}/history`, 'auditor');
    await api.get(`/cases/${id}/verification`, 'auditor');
    const log = await api.get(`/cases/${id}/access-log`, 'caseworker');
    expect(log.status).toBe(200);
    expect(log.body.auditorHasRead).toBe(true);
    expect(log.body.items).toEqual([
      expect.objectContaining({ subject: 'au-1', role: 'auditor', route: 'GET /cases/{id}', query: { asOf: '0' } }),
      expect.objectContaining({ subject: 'au-1', route: 'GET /cases/{id}/history' }),
      expect.objectContaining({ subject: 'au-1', route: 'GET /cases/{id}/verification', at: api.clock.now() }),
    ]);
    expect(JSON.stringify(log.body)).not.toContain('Kari');
  });

  it('keeps verification and the access log from creditors (403) and answers 404 for an unknown case', async () => {
    const id = await api.handOver();
    expect((await api.get(`/cases/${id}/verification`, 'creditorA')).status).toBe(403);
    expect((await api.get(`/cases/${id}/access-log`, 'creditorA')).status).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await api.get(`/cases/${unknown}/verification`, 'auditor')).status).toBe(404);
    expect((await api.get(`/cases/${unknown}/access-log`)).status).toBe(404);
  });
});
