import { CaseCommands, SYSTEM_TIMER, TimerService } from '@app/case-runtime';
import { Api } from './api-harness';

const count = (history: Array<{ type: string }>, type: string) => history.filter((e) => e.type === type).length;

async function referredToCreditor(api: Api) {
  const id = await api.handOver();
  await api.post(`/cases/${id}/objections`, { debtorStatement: 'No visit', channel: 'written' });
  await api.post(`/cases/${id}/objection/referral`, {});
  return id;
}

describe('deadlines fire on time, once, over HTTP with the simulated clock', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it('given an objection referred to the creditor, when 14 days pass, then the creditor is reminded and the debtor informed, exactly once', async () => {
    const id = await referredToCreditor(api);
    await api.advance(13);
    expect(count(await api.history(id), 'CreditorReplyOverdue')).toBe(0);
    await api.advance(1);
    await api.advance(0);
    const history = await api.history(id);
    expect(count(history, 'CreditorReplyOverdue')).toBe(1);
    const overdue = history.find((e) => e.type === 'CreditorReplyOverdue')!;
    expect(overdue.data).toMatchObject({
      debtorInformed: true,
      creditorReminded: true,
      at: '2025-03-17T09:00:00.000Z',
    });
    expect(overdue.actor.kind).toBe('system');
  });

  it('given a letter with a 14-day deadline, when it passes in silence, then collection resumes', async () => {
    const id = await referredToCreditor(api);
    await api.post(`/cases/${id}/creditor-reply`, { reply: 'maintain', feeDecision: 'keep' }, 'creditorA');
    await api.post(`/cases/${id}/debtor-contacts`, { channel: 'letter' });
    await api.advance(14);
    const view = (await api.get(`/cases/${id}`)).body.case;
    expect(view.flags.disputeCode).toBe(false);
    expect(view.status).toMatch(/^collection\./);
    expect(count(await api.history(id), 'DebtorPaymentDeadlinePassed')).toBe(1);
  });

  it('given a claim, when the notice and then 43 days pass, then the demand and then the heavy fee follow', async () => {
    const id = await api.handOver();
    await api.advance(14);
    expect((await api.get(`/cases/${id}`)).body.case.status).toBe('collection.demand');
    await api.advance(43);
    const view = (await api.get(`/cases/${id}`)).body.case;
    expect(view.status).toBe('collection.heavyFee');
  });

  it('given the service was down for weeks, then it catches up with the deadlines’ own dates, reminder after reminder', async () => {
    const id = await referredToCreditor(api);
    const start = Date.parse(api.clock.now());
    await api.advance(45);
    const reminders = (await api.history(id)).filter((e) => e.type === 'CreditorReplyOverdue');
    expect(reminders.map((e) => e.data.reminderNumber)).toEqual([1, 2, 3]);
    for (const r of reminders) expect(Date.parse(r.data.at as string)).toBeLessThan(start + 45 * 86_400_000);
    expect(new Set(reminders.map((r) => r.data.at)).size).toBe(3);
  });
});

describe('deadlines around Norwegian holidays', () => {
  const api = new Api({ now: '2025-04-07T09:00:00.000Z' });
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it('given a creditor deadline on Easter Monday, then the reminder comes on the Tuesday', async () => {
    const id = await referredToCreditor(api);
    await api.advance(14);
    expect(count(await api.history(id), 'CreditorReplyOverdue')).toBe(0);
    await api.advance(1);
    const overdue = (await api.history(id)).find((e) => e.type === 'CreditorReplyOverdue');
    expect(overdue?.data.at).toBe('2025-04-22T09:00:00.000Z');
  });

  it('given a letter deadline on Christmas Day, then it runs to the Monday after the weekend', async () => {
    await api.http().post('/dev/clock').send({ set: '2025-12-11T09:00:00.000Z' });
    const id = await referredToCreditor(api);
    await api.post(`/cases/${id}/creditor-reply`, { reply: 'maintain', feeDecision: 'keep' }, 'creditorA');
    await api.post(`/cases/${id}/debtor-contacts`, { channel: 'email' });
    const view = (await api.get(`/cases/${id}`)).body.case;
    expect(view.openDeadline).toEqual({ kind: 'debtorPaymentDeadline', dueAt: '2025-12-29T09:00:00.000Z' });
  });
});

describe('exactly once across restarts and with two services', () => {
  it('given a restart between scheduling and firing, then the timer still fires exactly once', async () => {
    const first = await new Api().start();
    const id = await referredToCreditor(first);
    await first.stop({ keepFiles: true });
    const second = await new Api({ dir: first.dir, now: '2025-03-20T09:00:00.000Z' }).start();
    await second.advance(0);
    await second.advance(0);
    expect(count(await second.history(id), 'CreditorReplyOverdue')).toBe(1);
    await second.stop();
  });

  it('given a crash after a firing was appended but before the service noted it, then a restart does not fire it again', async () => {
    const first = await new Api().start();
    const id = await referredToCreditor(first);
    const timer = (await first.get(`/cases/${id}`)).body.case.deadlines.find(
      (d: { kind: string }) => d.kind === 'creditorReply',
    );
    first.clock.set('2025-03-20T09:00:00.000Z');
    // The firing reaches the store, then the process "dies" before the timer service hears of it.
    const outcome = await first.app.get(CaseCommands).execute({
      caseId: id,
      command: { type: 'FireDeadline', data: { timerId: timer.timerId } },
      principal: SYSTEM_TIMER,
      correlationId: 'crash',
      idempotencyKey: `timer:${timer.timerId}`,
    });
    expect(outcome.kind).toBe('accepted');
    await first.stop({ keepFiles: true });
    const second = await new Api({ dir: first.dir, now: '2025-03-20T09:00:00.000Z' }).start();
    expect(await second.advance(0)).toBe(0);
    expect(count(await second.history(id), 'CreditorReplyOverdue')).toBe(1);
    await second.stop();
  });

  it('given two timer services on one store, when both run at once, then each timer fires exactly once', async () => {
    const one = await new Api().start();
    const ids = [await referredToCreditor(one), await referredToCreditor(one), await referredToCreditor(one)];
    const two = await new Api({ dir: one.dir }).start();
    for (const api of [one, two]) api.clock.set('2025-03-18T09:00:00.000Z');
    await Promise.all([one.app.get(TimerService).runDue(), two.app.get(TimerService).runDue()]);
    await Promise.all([one.app.get(TimerService).runDue(), two.app.get(TimerService).runDue()]);
    for (const id of ids) {
      const history = await one.history(id);
      expect(count(history, 'CreditorReplyOverdue')).toBe(1);
      expect(count(history, 'DeadlineFired')).toBe(1);
    }
    await two.stop({ keepFiles: true });
    await one.stop();
  });
});
