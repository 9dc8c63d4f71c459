import { join } from 'node:path';
import { newEventId, SqliteEventStore } from '@app/event-store';
import { caseIdFor, CaseCommands, TimerIndex, TimerService } from '@app/case-runtime';
import { Api, claim } from './api-harness';

const BACKLOG = 400;

jest.setTimeout(60_000);

/** Hands over `count` cases through the command path: each one's notice deadline falls due 14 days on. */
async function handOverMany(api: Api, count: number): Promise<void> {
  const commands = api.app.get(CaseCommands);
  for (let i = 0; i < count; i++) {
    const body = claim({ creditorReference: `BACKLOG-${i}` });
    const caseId = caseIdFor('creditor-a', body.creditorReference);
    const outcome = await commands.execute({
      caseId,
      command: { type: 'HandOverClaim', data: { ...body, caseId } as never },
      principal: { subject: 'cw-1', role: 'caseworker' },
      correlationId: 'backlog',
    });
    if (outcome.kind !== 'accepted') throw new Error(`handover ${i}: ${outcome.kind}`);
  }
}

interface Background {
  condition: string;
  timers: { state: string; dueAtStart: number; fired: number };
  timerIndex: { state: string };
}
const background = async (api: Api): Promise<Background> => (await api.http().get('/health')).body.info.background;

describe('a backlog of overdue timers does not freeze the API', () => {
  it('given hundreds of due timers, then /health answers while they fire, saying it is catching up and how far', async () => {
    const api = await new Api().start();
    try {
      await handOverMany(api, BACKLOG);
      api.clock.advance(15 * 86_400_000);
      const run = api.app.get(TimerService).runDue();
      const seen: Background[] = [];
      let done = false;
      void run.then(() => (done = true));
      while (!done) seen.push(await background(api));
      expect(await run).toBe(BACKLOG);
      // Answered mid-drain: the answer itself says so, with the progress of the run.
      const midway = seen.filter((b) => b.timers.state === 'catching up' && b.timers.fired < BACKLOG);
      expect(midway.length).toBeGreaterThan(0);
      expect(midway[0]).toMatchObject({ condition: 'catching up', timers: { dueAtStart: BACKLOG } });
      expect(await background(api)).toMatchObject({ condition: 'live', timers: { state: 'live', fired: BACKLOG } });
    } finally {
      await api.stop();
    }
  });

  it('given a backlog firing, when the app is closed (as SIGTERM does), then it stops after the timer in hand and the rest fire on the next start', async () => {
    const first = await new Api().start();
    await handOverMany(first, BACKLOG);
    first.clock.advance(15 * 86_400_000);
    const now = first.clock.now();
    const run = first.app.get(TimerService).runDue();
    while ((await background(first)).timers.fired === 0) await new Promise((resolve) => setImmediate(resolve));
    await first.stop({ keepFiles: true });
    const firedBeforeStop = await run;
    expect(firedBeforeStop).toBeGreaterThan(0);
    expect(firedBeforeStop).toBeLessThan(BACKLOG);

    const second = await new Api({ dir: first.dir, now }).start();
    try {
      const index = second.app.get(TimerIndex);
      expect(await second.app.get(TimerService).runDue()).toBe(BACKLOG - firedBeforeStop);
      expect(index.dueCount(now)).toBe(0);
    } finally {
      await second.stop();
    }
  });
});

describe('a first start on a store full of timers', () => {
  it('answers /health at once, while the timer index is still being built', async () => {
    const api = new Api();
    // 120 pages of timer events, written straight into the store the app will open.
    const store = new SqliteEventStore({ file: join(api.dir, 'engine.sqlite') });
    for (let c = 0; c < 600; c++) {
      const events = Array.from({ length: 100 }, (_, i) => ({
        id: newEventId(),
        type: 'DeadlineScheduled',
        data: {
          at: '2025-03-03T09:00:00.000Z',
          timerId: `t-${c}-${i}`,
          kind: 'noticeDeadline',
          dueAt: '2030-01-01T00:00:00.000Z',
        },
        metadata: {},
      }));
      await store.append(`case-seeded-${c}`, events, { expectedRevision: 'no_stream' });
    }
    await store.close();
    await api.start();
    try {
      const first = await background(api);
      expect(first.timerIndex.state).toBe('catching up');
      expect(first.condition).toBe('catching up');
      let last = first;
      while (last.timerIndex.state !== 'live') last = await background(api);
      expect(last).toMatchObject({ timerIndex: { state: 'live', timerEventsApplied: 60_000 } });
    } finally {
      await api.stop();
    }
  });
});
