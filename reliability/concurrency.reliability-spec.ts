import { BuiltApi, removeDir, scratchDir, standardTokens } from './support/built-api';
import { handOver, historyOf } from './support/claims';
import type { Answer, HttpClient } from './support/http';
import { printTable, seconds, seededRandom, sleep, StatusCounts } from './support/report';

/**
 * 1. Concurrency: 64 writers registering payments on one case at once, through the built API,
 * first on one instance, then on two instances (two processes) sharing one SQLite file.
 */
const WRITERS = 64;
const RETRIES = 6;
const rows: Array<Array<string | number>> = [];

jest.setTimeout(120_000);

type Tokens = Awaited<ReturnType<typeof standardTokens>>;

async function today(client: HttpClient): Promise<string> {
  const res = await client.get('/dev/clock');
  return String(res.body.now).slice(0, 10);
}

const revisionOf = (etag: string | string[] | undefined) => BigInt(String(etag).replace(/^W\/"(-?\d+)"$/, '$1'));
const payment = (reference: string, today: string) => ({ amount: 100, paidOn: today, reference });

async function paymentsIn(client: HttpClient, token: string, caseId: string) {
  const history = await historyOf(client, token, caseId);
  const references = history.filter((e) => e.type === 'PaymentRegistered').map((e) => String(e.data.reference));
  return { history, references };
}

function expectGapless(history: Array<{ revision: string }>) {
  expect(history.map((e) => e.revision)).toEqual(history.map((_, i) => String(i)));
}

function record(topology: string, scenario: string, answers: Answer[], ms: number, extra = '') {
  const counts = new StatusCounts();
  answers.forEach((a) => counts.add(a.status));
  rows.push([topology, scenario, answers.length, counts.toString(), extra, seconds(ms)]);
  return counts;
}

/** Runs the three scenarios against `clients` (one per instance; the writers take turns). */
async function scenarios(topology: string, clients: HttpClient[], tokens: Tokens) {
  const t = tokens.caseworker;
  const day = await today(clients[0]);
  const via = (i: number) => clients[i % clients.length];
  const tag = topology.replace(/\W+/g, '-');

  // A: all 64 decide on the same revision: exactly one is taken, 63 are told it is stale.
  {
    const id = await handOver(clients[0], t, 'creditor-a', `CONC-${tag}-A`, day);
    const etag = String((await clients[0].get(`/cases/${id}`, t)).headers.etag);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        via(i).post(`/cases/${id}/payments`, payment(`A-${i}`, day), t, { 'If-Match': etag }),
      ),
    );
    const counts = record(topology, 'If-Match, one revision', answers, performance.now() - started);
    expect(counts.toString()).toBe(`200×1 409×${WRITERS - 1}`);
    const winner = answers.findIndex((a) => a.status === 200);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body.currentRevision).toBe(answers[winner].body.revision);
    }
    const { history, references } = await paymentsIn(clients[1 % clients.length], t, id);
    expect(references).toEqual([`A-${winner}`]);
    expectGapless(history);
  }

  // B: each writer retries on 409 with the revision it was told: every revision is won by exactly one 200.
  {
    const id = await handOver(clients[0], t, 'creditor-a', `CONC-${tag}-B`, day);
    const start = revisionOf((await clients[0].get(`/cases/${id}`, t)).headers.etag);
    const random = seededRandom(0xb0b + clients.length);
    const wins: Array<{ writer: number; ifMatch: bigint; revision: bigint }> = [];
    const all: Answer[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) => {
        let ifMatch = start;
        for (let attempt = 0; attempt < RETRIES; attempt++) {
          const a = await via(i + attempt).post(`/cases/${id}/payments`, payment(`B-${i}`, day), t, {
            'If-Match': `W/"${ifMatch}"`,
          });
          all.push(a);
          if (a.status === 200) {
            wins.push({ writer: i, ifMatch, revision: BigInt(a.body.revision) });
            return;
          }
          expect(a.status).toBe(409);
          expect(BigInt(a.body.currentRevision)).toBeGreaterThanOrEqual(ifMatch);
          ifMatch = BigInt(a.body.currentRevision);
          await sleep(Math.floor(random() * 5));
        }
      }),
    );
    const { history, references } = await paymentsIn(clients[0], t, id);
    const end = BigInt(history.length - 1);
    record(topology, `If-Match, retry ≤${RETRIES} on 409`, all, performance.now() - started, `${wins.length} won`);
    // One 200 per revision: the wins chain from the start revision to the end, each on the last one's revision.
    const chain = [...wins].sort((a, b) => (a.ifMatch < b.ifMatch ? -1 : 1));
    expect(new Set(chain.map((w) => w.ifMatch)).size).toBe(chain.length);
    chain.forEach((w, k) => expect(w.ifMatch).toBe(k === 0 ? start : chain[k - 1].revision));
    expect(chain[chain.length - 1].revision).toBe(end);
    expect([...references].sort()).toEqual(wins.map((w) => `B-${w.writer}`).sort());
    expectGapless(history);
  }

  // C: no If-Match: whatever is answered 200 is in the history exactly once; a 409 left nothing.
  {
    const id = await handOver(clients[0], t, 'creditor-a', `CONC-${tag}-C`, day);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => via(i).post(`/cases/${id}/payments`, payment(`C-${i}`, day), t)),
    );
    const ok = answers.map((a, i) => ({ a, i })).filter(({ a }) => a.status === 200);
    const { history, references } = await paymentsIn(clients[0], t, id);
    record(topology, 'no If-Match', answers, performance.now() - started, `${references.length} stored`);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect([...references].sort()).toEqual(ok.map(({ i }) => `C-${i}`).sort());
    expect(new Set(ok.map(({ a }) => a.body.revision)).size).toBe(ok.length);
    expectGapless(history);
  }
}

describe('1. concurrency: 64 writers on one case', () => {
  const dirs: string[] = [];
  const apis: BuiltApi[] = [];
  let tokens: Tokens;

  beforeAll(async () => {
    tokens = await standardTokens();
  });

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    dirs.forEach(removeDir);
    printTable(
      '1. concurrency (64 writers, payments on one case)',
      ['instances', 'scenario', 'requests', 'statuses', 'result', 'time'],
      rows,
    );
  });

  it('on one instance of the built API', async () => {
    const dir = scratchDir('concurrency-1');
    dirs.push(dir);
    const api = new BuiltApi(dir);
    apis.push(api);
    const client = await api.start();
    await scenarios('one', [client], tokens);
    await api.stop();
  });

  it('on two instances (two processes) sharing one SQLite file', async () => {
    const dir = scratchDir('concurrency-2');
    dirs.push(dir);
    // The first runs the projector and timers (embedded default), the second only serves, as in production.
    const first = new BuiltApi(dir);
    const second = new BuiltApi(dir, { WORKERS: 'separate' });
    apis.push(first, second);
    const clients = [await first.start(), await second.start()];
    await scenarios('two, one file', clients, tokens);
  });
});
