import { caseIdFor, mayGive } from '@app/case-runtime';
import { COMMAND_OF_ROUTE, validBody } from './support/bodies';
import { pool, type Answer } from './support/http';
import { InProcessApi } from './support/in-process';
import { printTable, seconds, seededRandom, StatusCounts } from './support/report';

/**
 * 4. Isolation: creditor B probes 1,000 case ids that are not its own (creditor A's cases, in
 * states where B's commands would apply, and ids of cases that do not exist) on every case read
 * and every command route. Not one answer may be other than 404 (403 for a command a creditor
 * may not give), carry another creditor's data, or append anything.
 */
const FOREIGN_CASES = 400;
const RANDOM_IDS = 600;
const SEED = 0x150_1a7e;

jest.setTimeout(180_000);

const ROUTES = Object.keys(COMMAND_OF_ROUTE) as Array<keyof typeof COMMAND_OF_ROUTE>;
const CREDITOR_B = { subject: 'cr-b', role: 'creditor' as const, creditorId: 'creditor-b' };
/** What only creditor A's data carries: a leak would show one of them. */
const A_MARKERS = ['creditor-a', 'ISO-A-', 'Astrid Acreditorsen', 'debtor-of-a'];

describe('4. isolation: a creditor probing 1,000 foreign case ids', () => {
  const app = new InProcessApi();
  const random = seededRandom(SEED);
  const rows: Array<Array<string | number>> = [];
  const leaks: string[] = [];
  const foreign: string[] = [];
  const own: string[] = [];

  beforeAll(async () => {
    await app.start();
    const c = app.client;
    const cw = app.tokens.caseworker;
    // Creditor A's cases, a third left in collection, a third awaiting A's reply, a third at the board decision.
    const created = await pool(
      8,
      Array.from({ length: FOREIGN_CASES }, (_, i) => async () => {
        const body = {
          ...validBody('/cases'),
          creditorId: undefined,
          creditorReference: `ISO-A-${i}`,
          debtor: { id: `debtor-of-a-${i}`, name: 'Astrid Acreditorsen', kind: 'consumer', contact: {} },
        };
        const res = await c.post('/cases', body, app.tokens.creditorA);
        if (res.status !== 201) throw new Error(`handover: ${res.status} ${res.text}`);
        const id = res.body.case.caseId as string;
        const steps = [
          [],
          ['objections', 'objection/referral'],
          ['objections', 'objection/referral', 'creditor-reply', 'debtor-contacts'],
        ][i % 3];
        for (const step of steps) {
          const r = await c.post(`/cases/${id}/${step}`, validBody(`/cases/{caseId}/${step}`), cw, {
            'Idempotency-Key': `a-${i}-${step}`,
          });
          if (r.status !== 200) throw new Error(`${step}: ${r.status} ${r.text}`);
        }
        return id;
      }),
    );
    foreign.push(...created);
    for (let i = 0; i < 3; i++) {
      const res = await c.post(
        '/cases',
        { ...validBody('/cases'), creditorId: undefined, creditorReference: `ISO-B-${i}` },
        app.tokens.creditorB,
      );
      own.push(res.body.case.caseId);
    }
  });

  afterAll(async () => {
    await app.stop();
    printTable('4. isolation (creditor B)', ['probe', 'requests', 'statuses', 'leaks', 'time'], rows);
    if (leaks.length) process.stdout.write(`\nLeaks (first 10):\n${leaks.slice(0, 10).join('\n')}\n`);
  });

  /** Whether an answer to B about a case not its own gives anything away. */
  function check(what: string, a: Answer, expected: number, caseId?: string) {
    const text = a.text;
    const carries = A_MARKERS.filter((m) => text.includes(m));
    if (caseId && text.includes(caseId)) carries.push('the case id');
    // A revision ETag (W/"7") would tell the case exists; a problem document carries no ETag.
    if (/^W\/"-?\d+"$/.test(String(a.headers.etag))) carries.push(`ETag ${a.headers.etag}`);
    if (a.status !== expected || carries.length) {
      leaks.push(
        `${what} → ${a.status} (expected ${expected})${carries.length ? `, carries ${carries.join(', ')}` : ''}: ${text.slice(0, 200)}`,
      );
    }
  }

  it('answers 404 (or 403 for a command it may not give), never with data, and appends nothing', async () => {
    const c = app.client;
    const b = app.tokens.creditorB;
    const randomIds = Array.from({ length: RANDOM_IDS }, (_, i) =>
      i % 3 === 0
        ? caseIdFor('creditor-a', `NEVER-${i}`)
        : [8, 4, 4, 4, 12]
            .map((n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join(''))
            .join('-'),
    );
    const ids = [...foreign, ...randomIds];
    expect(ids).toHaveLength(1_000);
    const head = await app.head();
    const started = performance.now();

    const reads = { case: new StatusCounts(), history: new StatusCounts(), timeline: new StatusCounts() };
    const commands = new StatusCounts();
    const readStart = performance.now();
    await pool(
      4,
      ids.map((id) => async () => {
        for (const [what, path] of [
          ['case', `/cases/${id}`],
          ['history', `/cases/${id}/history`],
          ['timeline', `/cases/${id}/timeline`],
        ] as const) {
          const a = await c.get(path, b);
          reads[what].add(a.status);
          check(`GET ${path}`, a, 404, id);
        }
      }),
    );
    const readMs = performance.now() - readStart;

    // A page further on, with the cursor A's own reads were given: still nothing for B.
    const cursorStart = performance.now();
    const paged = new StatusCounts();
    await pool(
      4,
      foreign.map((id) => async () => {
        for (const what of ['history', 'timeline']) {
          const first = await c.get(`/cases/${id}/${what}?limit=1`, app.tokens.creditorA);
          expect(first.body.nextCursor).toEqual(expect.any(String));
          const path = `/cases/${id}/${what}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`;
          const a = await c.get(path, b);
          paged.add(a.status);
          check(`GET ${path}`, a, 404, id);
        }
      }),
    );
    const cursorMs = performance.now() - cursorStart;

    // Each id on two command routes: one a creditor may give (404: no such case, for B) and one it may not
    // (403), all routes in turn, each with a valid body and an idempotency key, now and then one A used.
    const allowed = ROUTES.filter((r) => mayGive(CREDITOR_B, COMMAND_OF_ROUTE[r]));
    const refused = ROUTES.filter((r) => !mayGive(CREDITOR_B, COMMAND_OF_ROUTE[r]));
    const commandStart = performance.now();
    const perRoute = new Map<(typeof ROUTES)[number], StatusCounts>();
    await pool(
      4,
      ids.map((id, i) => async () => {
        for (const route of [allowed[i % allowed.length], refused[i % refused.length]]) {
          const key = i % 5 === 0 ? `a-${i % FOREIGN_CASES}-objections` : `b-${i}-${route}`;
          const before = await app.head();
          const body = validBody(`/cases/{caseId}/${route}`);
          const a = await c.post(`/cases/${id}/${route}`, body, b, { 'Idempotency-Key': key });
          commands.add(a.status);
          if (!perRoute.has(route)) perRoute.set(route, new StatusCounts());
          perRoute.get(route)!.add(a.status);
          const expected = mayGive(CREDITOR_B, COMMAND_OF_ROUTE[route]) ? 404 : 403;
          check(`POST /cases/${id}/${route} [Idempotency-Key: ${key}]`, a, expected, id);
          const after = await app.head();
          if (before !== after) leaks.push(`POST /cases/${id}/${route} appended: $all ${before} → ${after}`);
        }
      }),
    );
    const commandMs = performance.now() - commandStart;

    // The lists: B names creditor A, and gets its own cases only.
    const lists = new StatusCounts();
    for (const path of [
      '/cases?limit=200',
      '/cases?creditorId=creditor-a&limit=200',
      '/portfolio',
      '/portfolio/awaiting-reply?limit=200',
    ]) {
      const a = await c.get(path, b);
      lists.add(a.status);
      check(`GET ${path}`, a, 200);
      const items = (a.body?.items ?? a.body?.awaitingReply ?? []) as Array<{ caseId: string }>;
      for (const item of items) if (!own.includes(item.caseId)) leaks.push(`GET ${path} lists ${item.caseId}`);
    }
    const handover = await c.post(
      '/cases',
      { ...validBody('/cases'), creditorId: 'creditor-a', creditorReference: 'ISO-A-0' },
      b,
    );
    lists.add(handover.status);
    check('POST /cases in creditor A’s name', handover, 403);

    expect(await app.head()).toBe(head);
    for (const [what, counts] of Object.entries(reads))
      rows.push([`GET ${what}`, counts.total, counts.toString(), '', seconds(readMs)]);
    rows.push([`GET history, timeline with A's cursor`, paged.total, paged.toString(), '', seconds(cursorMs)]);
    for (const [route, counts] of [...perRoute.entries()].sort()) {
      rows.push([
        `POST ${route}${mayGive(CREDITOR_B, COMMAND_OF_ROUTE[route]) ? '' : ' (not a creditor’s)'}`,
        counts.total,
        counts.toString(),
        '',
        '',
      ]);
    }
    rows.push(['POST, all routes', commands.total, commands.toString(), '', seconds(commandMs)]);
    rows.push(['lists, portfolio, handover as A', lists.total, lists.toString(), '', '']);
    rows.push([
      'total',
      reads.case.total * 3 + paged.total + commands.total + lists.total,
      `ids: ${foreign.length} of A's + ${randomIds.length} random`,
      leaks.length,
      seconds(performance.now() - started),
    ]);
    expect(leaks).toEqual([]);
    // Half the command probes reached the command path (404), half were a creditor's refusal (403).
    expect(commands.toString()).toBe(`403×${ids.length} 404×${ids.length}`);
  });
});
