import { CaseProjector } from '@app/read-models';
import { Api } from './api-harness';

/**
 * Given a case that moved on (a deadline passed, a fee was charged, an objection came), when an
 * auditor asks for it as of an earlier moment, then they see what the API showed at that moment:
 * state, amounts with the interest of that day, deadlines and allowed actions.
 */
describe('a case as it stood on any date (asOf)', () => {
  const api = new Api();
  let id: string;
  let onDay0: { case: Record<string, unknown>; revision: string };
  let onDay20: { case: Record<string, unknown>; revision: string };
  let day20: string;

  beforeAll(async () => {
    await api.start();
    id = await api.handOver();
    onDay0 = (await api.get(`/cases/${id}`)).body;
    await api.advance(20);
    day20 = api.clock.now();
    onDay20 = (await api.get(`/cases/${id}`)).body;
    await api.advance(1);
    const objected = await api.post(`/cases/${id}/objections`, {
      debtorStatement: 'Never ordered',
      channel: 'written',
    });
    expect(objected.status).toBe(200);
    await api.app.get(CaseProjector).catchUp();
  });
  afterAll(() => api.stop());

  it('shows, as of an instant, exactly what the case read then, though it has moved on since', async () => {
    const now = (await api.get(`/cases/${id}`)).body;
    expect(now.case.flags.disputeCode).toBe(true);
    const then = await api.get(`/cases/${id}?asOf=${encodeURIComponent(day20)}`, 'auditor');
    expect(then.status).toBe(200);
    expect(then.body.case).toEqual(onDay20.case);
    expect(then.body.revision).toBe(onDay20.revision);
    expect(then.body.asOf).toMatchObject({ day: '2025-03-23', latestRevision: now.revision });
    expect(then.body.case.allowedActions).toContain('RegisterObjection');
    expect(now.case.allowedActions).not.toEqual(then.body.case.allowedActions);
  });

  it('shows, as of a date, the case at the end of that day with interest accrued up to it', async () => {
    const then = (await api.get(`/cases/${id}?asOf=2025-03-03`, 'auditor')).body;
    expect(then.case).toEqual(onDay0.case);
    const later = (await api.get(`/cases/${id}?asOf=2025-03-10`, 'auditor')).body;
    expect(later.revision).toBe(onDay0.revision);
    expect(later.case.amounts.interest).toBeGreaterThan((onDay0.case.amounts as { interest: number }).interest);
    expect(later.case.amounts.interest).toBeLessThan((onDay20.case.amounts as { interest: number }).interest);
  });

  it('shows the case as of a revision, and bounds the history and the timeline alike', async () => {
    const first = (await api.get(`/cases/${id}?asOf=0`, 'auditor')).body;
    expect(first.revision).toBe('0');
    expect(first.case.amounts.fees).toBe(0);
    const history = (await api.get(`/cases/${id}/history?asOf=${onDay20.revision}`, 'auditor')).body;
    expect(history.items.map((e: { revision: string }) => e.revision).at(-1)).toBe(onDay20.revision);
    expect(history.items.map((e: { type: string }) => e.type)).not.toContain('ObjectionRegistered');
    expect(history.nextCursor).toBeNull();
    const timeline = (await api.get(`/cases/${id}/timeline?asOf=${encodeURIComponent(day20)}`, 'auditor')).body;
    expect(timeline.items).toHaveLength(history.items.length);
    const paged = (await api.get(`/cases/${id}/timeline?asOf=${onDay20.revision}&limit=2`, 'auditor')).body;
    expect(paged.items).toHaveLength(2);
    expect(paged.nextCursor).not.toBeNull();
  });

  it('refuses an asOf it cannot read (400 naming asOf), and a date before the case (404)', async () => {
    const bad = await api.get(`/cases/${id}?asOf=yesterday`, 'auditor');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'asOf', messages: [expect.stringContaining('asOf must be')] }]);
    expect((await api.get(`/cases/${id}/history?asOf=2025-13-01`)).status).toBe(400);
    expect((await api.get(`/cases/${id}?asOf=2025-01-01`, 'auditor')).status).toBe(404);
  });
});
