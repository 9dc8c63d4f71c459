import { createEventStore } from '@app/event-store';
import { BuiltApi, cliRebuild, removeDir, scratchDir, standardTokens } from './support/built-api';
import { allPages, claimBody, dayFrom, historyOf } from './support/claims';
import { NoAnswer, pool, type Answer } from './support/http';
import { printTable, seconds, seededRandom, sleep, StatusCounts } from './support/report';

/**
 * 2. Crash safety: the built API is killed with SIGKILL, again and again, while clients send
 * handovers and payments, each with an Idempotency-Key. After each kill it is started again on
 * the same files and every request that got no answer is sent again with its own key. In the
 * end every command is stored exactly once, and the read models equal a rebuild from the events.
 */
const KILLS = 12;
const CLIENTS = 6;
/** Load between two kills, in ms (seeded). */
const UPTIME = { min: 250, max: 750 };
const MAX_REQUESTS = 4_000;
const MAX_409_RETRIES = 10;
const SEED = 0x5eed_c4a5;

jest.setTimeout(180_000);

type Kind = 'handover' | 'payment';
interface Command {
  kind: Kind;
  client: number;
  key: string;
  path: string;
  body: Record<string, unknown>;
  /** The payment's reference, or the handover's creditor reference. */
  reference: string;
  caseId?: string;
  answers: Array<number | 'none'>;
  /** The status that acknowledged it (200/201), once it was. */
  acked?: number;
  replayed: boolean;
  unanswered: number;
  retriedAfterKill: boolean;
}

describe('2. crash safety: kill -9 under load, restart, retry', () => {
  const dir = scratchDir('crash');
  const api = new BuiltApi(dir);
  const random = seededRandom(SEED);
  const commands: Command[] = [];
  const statuses = new StatusCounts();
  const retryStatuses = new StatusCounts();
  const killRows: Array<Array<string | number>> = [];
  const unexpected: string[] = [];
  let tokens: Awaited<ReturnType<typeof standardTokens>>;
  let clockAt = '';
  let today = '';

  afterAll(async () => {
    await api.stop();
    removeDir(dir);
  });

  /** After each start: the simulated clock on one fixed day, so every answer is computed for the same day. */
  async function startOnTheFixedDay() {
    const client = await api.start();
    const res = await client.post('/dev/clock', { set: clockAt });
    if (res.status !== 200) throw new Error(`clock: ${res.status} ${res.text}`);
    return client;
  }

  it('stores every acknowledged command exactly once, answers every retry, and projects what a rebuild does', async () => {
    const started = performance.now();
    tokens = await standardTokens();
    const t = tokens.caseworker;
    today = new Date().toISOString().slice(0, 10);
    clockAt = `${today}T12:00:00.000Z`;
    await startOnTheFixedDay();

    // The gate is shut while the API is down and the unanswered are retried; clients wait at it.
    let open = true;
    let reopen: () => void = () => undefined;
    let gate = Promise.resolve();
    let inFlight = 0;
    let stopping = false;
    const pending: Command[] = [];

    /** Sends a command (its same key every time) until it has an answer other than 409; `none` if it has none. */
    async function send(c: Command): Promise<Answer | 'none'> {
      for (let attempt = 0; attempt <= MAX_409_RETRIES; attempt++) {
        const client = api.client!;
        inFlight++;
        let a: Answer;
        try {
          a = await client.request({
            method: 'POST',
            path: c.path,
            json: c.body,
            token: t,
            headers: { 'Idempotency-Key': c.key },
            timeoutMs: 10_000,
          });
        } catch (error) {
          if (!(error instanceof NoAnswer)) throw error;
          c.answers.push('none');
          c.unanswered++;
          return 'none';
        } finally {
          inFlight--;
        }
        c.answers.push(a.status);
        if (a.status === 409) {
          await sleep(2 + Math.floor(random() * 10));
          continue;
        }
        if (a.status === 200 || a.status === 201) {
          c.acked = a.status;
          c.replayed ||= a.headers['idempotent-replayed'] === 'true';
          if (c.kind === 'handover') c.caseId = a.body.case.caseId;
        } else {
          unexpected.push(`${c.kind} ${c.key}: ${a.status} ${a.text.slice(0, 300)}`);
        }
        return a;
      }
      unexpected.push(`${c.kind} ${c.key}: still 409 after ${MAX_409_RETRIES} retries`);
      return 'none';
    }

    const casesOf: string[][] = Array.from({ length: CLIENTS }, () => []);
    const nextCommand = (client: number, n: number): Command => {
      const mine = casesOf[client];
      const base = { client, answers: [], replayed: false, unanswered: 0, retriedAfterKill: false };
      if (mine.length === 0 || (mine.length < 25 && random() < 0.25)) {
        const reference = `CRASH-${client}-${n}`;
        return {
          ...base,
          kind: 'handover',
          key: `h-${client}-${n}`,
          path: '/cases',
          body: claimBody('creditor-a', reference, today),
          reference,
        };
      }
      const caseId = mine[Math.floor(random() * mine.length)];
      const reference = `KID-${client}-${n}`;
      return {
        ...base,
        kind: 'payment',
        key: `p-${client}-${n}`,
        path: `/cases/${caseId}/payments`,
        body: { amount: 100 + Math.floor(random() * 900), paidOn: today, reference },
        reference,
        caseId,
      };
    };

    // Each client sends one command at a time on its own cases; an unanswered one waits for the restart.
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; !stopping && commands.length < MAX_REQUESTS; n++) {
        while (!open) await gate;
        if (stopping) return;
        const c = nextCommand(client, n);
        commands.push(c);
        const a = await send(c);
        if (a === 'none') pending.push(c);
        else if (c.kind === 'handover' && c.acked) casesOf[client].push(c.caseId!);
        if (a !== 'none') statuses.add(a.status);
        else statuses.add('no answer');
      }
    });

    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        const uptime = UPTIME.min + Math.floor(random() * (UPTIME.max - UPTIME.min));
        await sleep(uptime);
        const cutOff = inFlight;
        const sentBefore = commands.length;
        open = false;
        gate = new Promise<void>((resolve) => (reopen = resolve));
        await api.kill9();
        // Whatever was in flight fails at once (the sockets are reset); wait until every client knows.
        for (let i = 0; inFlight > 0 && i < 500; i++) await sleep(10);
        expect(inFlight).toBe(0);
        const restart = performance.now();
        await startOnTheFixedDay();
        const restartMs = performance.now() - restart;
        const toRetry = pending.splice(0);
        const retried = await pool(
          8,
          toRetry.map((c) => () => send(c)),
        );
        retried.forEach((a, i) => {
          toRetry[i].retriedAfterKill = true;
          retryStatuses.add(a === 'none' ? 'no answer' : a.status);
          if (a === 'none') pending.push(toRetry[i]);
          else if (toRetry[i].kind === 'handover' && toRetry[i].acked) {
            casesOf[toRetry[i].client].push(toRetry[i].caseId!);
          }
        });
        killRows.push([
          kill,
          `${uptime} ms`,
          sentBefore,
          cutOff,
          toRetry.length,
          retried.filter((a) => a !== 'none' && a.headers['idempotent-replayed'] === 'true').length,
          `${Math.round(restartMs)} ms`,
        ]);
        open = true;
        reopen();
      }
      await sleep(UPTIME.max);
    } finally {
      // However the kills went, the clients stop (every loop here ends).
      stopping = true;
      open = true;
      reopen();
    }
    await Promise.all(clients);
    // A last round for anything unanswered after the last restart (a timeout, say).
    const last = pending.splice(0);
    for (const c of last) {
      const a = await send(c);
      retryStatuses.add(a === 'none' ? 'no answer' : a.status);
      c.retriedAfterKill = true;
    }
    const loadMs = performance.now() - started;

    // Every request that went unanswered was answered 200/201 on a retry with its key.
    const retriedCommands = commands.filter((c) => c.retriedAfterKill);
    expect(unexpected).toEqual([]);
    expect(retriedCommands.filter((c) => c.acked !== 200 && c.acked !== 201).map((c) => c.key)).toEqual([]);
    expect(commands.every((c) => c.acked === 200 || c.acked === 201)).toBe(true);

    // Exactly once, by the history: one handover per case, and every payment's reference once, nothing more.
    const client = api.client!;
    const handovers = commands.filter((c) => c.kind === 'handover');
    const payments = commands.filter((c) => c.kind === 'payment');
    const caseIds = [...new Set(handovers.map((c) => c.caseId!))];
    expect(caseIds).toHaveLength(handovers.length);
    const storedReferences = new Map<string, number>();
    let handoverEvents = 0;
    await pool(
      8,
      caseIds.map((id) => async () => {
        const history = await historyOf(client, t, id);
        handoverEvents += history.filter((e) => e.type === 'ClaimHandedOver').length;
        for (const e of history.filter((x) => x.type === 'PaymentRegistered')) {
          const ref = String(e.data.reference);
          storedReferences.set(ref, (storedReferences.get(ref) ?? 0) + 1);
        }
        expect(history.map((e) => e.revision)).toEqual(history.map((_, i) => String(i)));
      }),
    );
    expect(handoverEvents).toBe(handovers.length);
    const wrongCounts = payments
      .filter((p) => storedReferences.get(p.reference) !== 1)
      .map((p) => `${p.reference}: stored ${storedReferences.get(p.reference) ?? 0} times`);
    expect(wrongCounts).toEqual([]);
    expect([...storedReferences.values()].reduce((a, b) => a + b, 0)).toBe(payments.length);

    // The read models: projected live across 12 crashes, then rebuilt from the events; the same pages.
    const projectedLive = await readModelSnapshot(caseIds);
    await api.stop();
    const rebuild = cliRebuild(api);
    await startOnTheFixedDay();
    const rebuilt = await readModelSnapshot(caseIds);
    expect(rebuilt.cases).toHaveLength(caseIds.length);
    expect(projectedLive).toEqual(rebuilt);
    await api.stop();

    // Exactly once, by the store: each key's command appended its events once.
    const store = createEventStore({ sqliteFile: api.sqliteFile });
    const events = await store.readAll({ maxCount: 1_000_000, filter: { streamPrefixes: ['case-'] } });
    await store.close();
    const byKey = new Map<string, number>();
    for (const e of events) {
      if (e.type !== 'ClaimHandedOver' && e.type !== 'PaymentRegistered') continue;
      const key = String(e.metadata.idempotencyKey);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    expect(commands.filter((c) => byKey.get(c.key) !== 1).map((c) => c.key)).toEqual([]);
    expect(byKey.size).toBe(commands.length);

    printTable(
      '2. crash safety: kills',
      ['kill', 'load before', 'sent so far', 'cut off', 'retried', 'replayed', 'restart'],
      killRows,
    );
    printTable(
      '2. crash safety: totals',
      [
        'kills',
        'commands',
        'handovers',
        'payments',
        'statuses',
        'retries after kill',
        'replayed',
        'events',
        'rebuild',
        'time',
      ],
      [
        [
          KILLS,
          commands.length,
          handovers.length,
          payments.length,
          statuses.toString(),
          retryStatuses.toString(),
          commands.filter((c) => c.replayed).length,
          events.length,
          seconds(rebuild.ms),
          `${seconds(loadMs)} load, ${seconds(performance.now() - started)} all`,
        ],
      ],
    );
    expect(api.starts).toBeGreaterThanOrEqual(KILLS + 1);
  });

  /** The read models as clients see them: every page of /cases and every case's timeline. */
  async function readModelSnapshot(caseIds: string[]) {
    const client = api.client!;
    const t = tokens.caseworker;
    // Caught up: the projection has every event (bounded wait).
    let lag: { events: number; parked: number } | undefined;
    for (let i = 0; i < 200; i++) {
      const health = await client.get('/health');
      lag = health.body?.details?.projection;
      if (health.status === 200 && lag?.events === 0) break;
      await sleep(50);
    }
    expect(lag).toMatchObject({ events: 0, parked: 0 });
    const cases = await allPages(client, t, '/cases?limit=200');
    const timelines = await pool(
      8,
      [...caseIds].sort().map((id) => () => allPages(client, t, `/cases/${id}/timeline?limit=500`)),
    );
    return { day: dayFrom(today, 0), cases, timelines };
  }
});
