/**
 * `npm run bench:reads` — the read routes through the real HTTP API on the embedded default, at
 * BENCH_CASES realistic cases (default 100 000): GET /queues and GET /cases?limit=20 at
 * concurrency 8, against GET /cases/{id} (one case folded from its stream) in the same run. The
 * API runs as its own process (WORKERS=separate: no catch-up of the timer index meanwhile), on a
 * copy of a seeded store whose read models were rebuilt first. BENCH_QUICK=1: 5 000 cases.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { SqliteEventStore } from '@app/event-store';
import { CaseQueries, openReadStore, rebuildReadModels } from '../src';
import { QUICK, ratio, report, type BenchRow } from './bench-rows';
import { load, type LoadResult } from './http-load';
import { realisticStore } from './realistic-store';

const CASES = Number(process.env.BENCH_CASES ?? (QUICK ? 5_000 : 100_000));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 10));
const CONCURRENCY = 8;
const SECRET = 'reads-bench-secret-0123456789abcdef0123';
const ROOT = join(__dirname, '../../..');

async function startApi(sqliteFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/case-api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        SQLITE_FILE: sqliteFile,
        JWT_SECRET: SECRET,
        WORKERS: 'separate',
        DATABASE_URL: '',
        NODE_ENV: 'development',
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      // Request logs keep coming; only the first lines are looked at.
      if (seen.length > 100_000) return;
      seen += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(seen);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the API exited (${code}) before listening`)));
  });
  return { child, url };
}

/** A CPU time in ms to the microsecond. */
const ms = (value: number) => Math.round(value * 1000) / 1000;

const token = (claims: Record<string, string>, subject: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));

async function main() {
  const seeded = await realisticStore({ seed: 1, cases: CASES });
  if (seeded.seconds) console.log(`seeded ${CASES} cases in ${seeded.seconds.toFixed(0)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'reads-bench-'));
  const events = join(dir, 'engine.sqlite');
  copyFileSync(seeded.file, events);
  const store = new SqliteEventStore({ file: events });
  const read = await openReadStore({ sqliteFile: join(dir, 'engine.read-models.sqlite') });
  const started = Date.now();
  const projected = await rebuildReadModels(store, read);
  console.log(`read models rebuilt from ${projected} events in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const ids = (await read.db.selectFrom('rm_case_summary').select('case_id').orderBy('case_id').execute()).map(
    (r) => r.case_id,
  );
  const deepCursor = (await new CaseQueries(read).list({ limit: 200, cursor: undefined })).nextCursor;
  await read.close();
  await store.close();

  const { child, url } = await startApi(events);
  const caseworker = await token({ role: 'caseworker' }, 'cw-bench');
  const creditor = await token({ role: 'creditor', creditorId: 'creditor-001' }, 'cr-bench');
  let n = 0;
  const run = (paths: () => string, as = caseworker): Promise<LoadResult> =>
    load({
      url,
      paths,
      token: as,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      warmUpSeconds: 2,
      serverPid: child.pid!,
    });
  try {
    const one = await run(() => `/cases/${ids[(n++ * 7919) % ids.length]}`);
    const queues = await run(() => '/queues');
    const list = await run(() => '/cases?limit=20');
    const deep = await run(() => `/cases?limit=20&cursor=${deepCursor}`);
    const queue = await run(() => '/queues/awaitingDebtor?limit=20');
    const portfolio = await run(() => '/portfolio', creditor);
    const group = 'reads';
    const target = '>= 1 000 req/s, p99 <= 20 ms at c=8';
    const note = (r: LoadResult) =>
      `${CASES} cases; p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; server CPU ${r.serverCpuMs.toFixed(2)} ms a request${r.errors ? `; ${r.errors} non-200` : ''}`;
    const metTarget = (r: LoadResult) => r.perSecond >= 1000 && r.p99 <= 20 && r.errors === 0;
    // Why a read falls short: the API's one event loop spends its CPU on each, beside the load generator on 2 cores.
    const whyShort = (r: LoadResult) =>
      `short of 1 000 req/s by ${Math.max(0, Math.round((1 - r.perSecond / 1000) * 100))} %, of the p99 by ` +
      `${Math.max(0, Math.round(r.p99 - 20))} ms: ${r.serverCpuMs.toFixed(2)} ms of the API's one event loop a request ` +
      `serves at most ${Math.round(1000 / r.serverCpuMs)} a second, and 8 waiting in line wait for each other`;
    const row = (figure: string, r: LoadResult, targeted: boolean): BenchRow => ({
      group,
      figure,
      value: Math.round(r.perSecond),
      unit: 'req/s',
      yardstick: 'GET /cases/{id} (one case from its stream)',
      yardstickValue: Math.round(one.perSecond),
      ratio: ratio(r.perSecond, one.perSecond),
      ...(targeted ? { target, met: metTarget(r) } : {}),
      note: targeted && !metTarget(r) ? `${note(r)}; ${whyShort(r)}` : note(r),
    });
    const rows: BenchRow[] = [
      {
        group,
        figure: 'GET /cases/{id}, c=8 (the yardstick)',
        value: Math.round(one.perSecond),
        unit: 'req/s',
        note: note(one),
      },
      row('GET /queues, c=8', queues, true),
      row('GET /cases?limit=20, c=8', list, true),
      row('GET /cases?limit=20 from the 201st case on (keyset cursor), c=8', deep, false),
      row('GET /queues/awaitingDebtor?limit=20 (three statuses merged), c=8', queue, false),
      row('GET /portfolio (creditor-001, the largest creditor), c=8', portfolio, false),
      {
        group,
        figure: 'server CPU per GET /cases?limit=20',
        value: ms(list.serverCpuMs),
        unit: 'ms',
        yardstick: 'server CPU per GET /cases/{id}',
        yardstickValue: ms(one.serverCpuMs),
        ratio: ratio(list.serverCpuMs, one.serverCpuMs),
      },
      {
        group,
        figure: 'server CPU per GET /queues',
        value: ms(queues.serverCpuMs),
        unit: 'ms',
        yardstick: 'server CPU per GET /cases/{id}',
        yardstickValue: ms(one.serverCpuMs),
        ratio: ratio(queues.serverCpuMs, one.serverCpuMs),
      },
    ];
    report('reads', rows);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
