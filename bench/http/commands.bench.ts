/**
 * `npm run bench:commands` — commands over HTTP (payments, objections) at concurrency 64 on the
 * embedded default, with the server's own CPU per request, against two yardsticks measured in
 * the same run: a bare Nest route, and a Nest route with the API's auth, validation, logging
 * and a case-sized answer but no command path. Rounds alternate the servers, medians are kept.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_SECRET, signDevToken } from '@app/case-runtime';
import { caughtUp, health, median, waitUntil } from '../support/health';
import { load, type LoadResult } from '../support/load';
import { knob, machineLoad, ratioOf, round, writeResults, type BenchRow } from '../support/results';
import { Seeder, today } from '../support/seed';
import { startServer, type BenchServer } from '../support/server';
import { startWorker, type BenchWorker } from '../support/worker';

const CONNECTIONS = knob('BENCH_CONNECTIONS', 64, 64);
const SECONDS = knob('BENCH_SECONDS', 10, 2);
const ROUNDS = knob('BENCH_ROUNDS', 3, 1);
/** Payments go round these cases, so most find their case in the folded-state cache (a first touch reads it whole). */
const PAYMENT_CASES = knob('BENCH_PAYMENT_CASES', 1_000, 500);
/** One objection per case: enough cases for the fastest run the target asks for. */
const OBJECTION_CASES = knob('BENCH_OBJECTION_CASES', (ROUNDS + 1) * SECONDS * 1_200, 8_000);

type Kind = 'payments' | 'objections';
interface Measured {
  load: LoadResult;
  cpuMsPerRequest: number;
  /** With WORKERS=separate: the worker's CPU (projector, timer index) per request. */
  workerMsPerRequest?: number;
}

async function seed(file: string) {
  const seeder = new Seeder(file);
  const at = new Date().toISOString();
  const payments: string[] = [];
  const objections: string[] = [];
  for (let i = 0; i < PAYMENT_CASES; i++) payments.push((await seeder.handOver(`PAY-${i}`, at)).caseId);
  for (let i = 0; i < OBJECTION_CASES; i++) objections.push((await seeder.handOver(`OBJ-${i}`, at)).caseId);
  await seeder.close();
  return { payments, objections };
}

async function measure(
  server: BenchServer,
  token: string,
  request: (i: number) => { path: string; body: unknown },
  worker?: BenchWorker,
): Promise<Measured> {
  const before = await server.cpu();
  const workerBefore = worker?.cpuMicros() ?? 0;
  const result = await load({ url: server.url, connections: CONNECTIONS, seconds: SECONDS, token, request });
  const after = await server.cpu();
  const per = (micros: number) => micros / 1000 / Math.max(1, result.requests);
  return {
    load: result,
    cpuMsPerRequest: per(after.micros - before.micros),
    ...(worker ? { workerMsPerRequest: per(worker.cpuMicros() - workerBefore) } : {}),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'commands-bench-'));
  const file = join(dir, 'engine.sqlite');
  const separateFile = join(dir, 'separate.sqlite');
  const servers: BenchServer[] = [];
  let worker: BenchWorker | undefined;
  try {
    process.stdout.write(`seeding ${PAYMENT_CASES} + ${OBJECTION_CASES} cases...\n`);
    const cases = await seed(file);
    // The same cases for the API that leaves the projector and the timers to the worker.
    copyFileSync(file, separateFile);
    const token = await signDevToken(DEV_SECRET, { subject: 'bench-cw', role: 'caseworker' });
    const [bare, plumbed, app, separate] = await Promise.all([
      startServer('bare'),
      startServer('plumbed'),
      startServer('app', { SQLITE_FILE: file, TIMER_POLL_MS: '1000' }),
      startServer('app', { SQLITE_FILE: separateFile, WORKERS: 'separate' }),
    ]);
    servers.push(bare, plumbed, app, separate);
    worker = await startWorker({ SQLITE_FILE: separateFile, TIMER_POLL_MS: '1000' });
    // The app first indexes the seeded cases' timers and projects them: measured once that is done.
    for (const api of [app, separate])
      await waitUntil(async () => caughtUp((await health(api.url)).body), 300_000, 250);

    const day = today();
    // Each API has its own copy of the cases and uses one objection case up per request; the yardsticks use none.
    const objectionsSent = { app: 0, separate: 0 };
    const requestFor = (kind: Kind, to: keyof typeof objectionsSent | 'yardstick') => (i: number) =>
      kind === 'payments'
        ? {
            path: `/cases/${cases.payments[i % cases.payments.length]}/payments`,
            body: { amount: 1, paidOn: day, reference: `P-${i}` },
          }
        : {
            path: `/cases/${cases.objections[(to === 'yardstick' ? i : objectionsSent[to]++) % cases.objections.length]}/objections`,
            body: { debtorStatement: 'I never ordered this service', channel: 'written' },
          };

    const runs: Record<string, Measured[]> = {};
    const keep = (name: string, m: Measured) => (runs[name] ??= []).push(m);
    // Warm-up: JIT, caches, connections.
    await measure(app, token, requestFor('payments', 'app'));
    await measure(separate, token, requestFor('payments', 'separate'), worker);
    for (let round = 0; round < ROUNDS; round++) {
      process.stdout.write(`round ${round + 1} of ${ROUNDS}\n`);
      for (const kind of ['payments', 'objections'] as const) {
        keep(`bare ${kind}`, await measure(bare, token, requestFor(kind, 'yardstick')));
        keep(`plumbed ${kind}`, await measure(plumbed, token, requestFor(kind, 'yardstick')));
        keep(`app ${kind}`, await measure(app, token, requestFor(kind, 'app')));
        keep(`separate ${kind}`, await measure(separate, token, requestFor(kind, 'separate'), worker));
      }
    }
    const ranOut = Math.max(objectionsSent.app, objectionsSent.separate) > cases.objections.length;
    writeResults('commands', rowsOf(runs, ranOut ? 'objection cases ran out: later ones met 422' : ''));
  } finally {
    await Promise.all([...servers.map((s) => s.stop()), worker?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const shortBy = (value: number, target: number) => `${Math.round((1 - value / target) * 100)} % short`;

/** Why a throughput falls short: one event loop does a command's work, and the load generator shares the cores. */
const oneLoop = (cpuMs: number) =>
  `the API's one event loop spends ${round(cpuMs, 2)} ms of CPU a command (the projector and timer index included), ` +
  `so it serves at most ${Math.round(1000 / cpuMs)} a second, on 2 cores shared with the load generator`;

function rowsOf(runs: Record<string, Measured[]>, ranOut: string): BenchRow[] {
  const med = (name: string, pick: (m: Measured) => number) => median(runs[name].map(pick));
  const note = `c=${CONNECTIONS}, ${SECONDS} s x ${ROUNDS} rounds (median); ${machineLoad()}`;
  const rows: BenchRow[] = [];
  for (const kind of ['payments', 'objections'] as const) {
    const cpu = med(`app ${kind}`, (m) => m.cpuMsPerRequest);
    const perSecond = med(`app ${kind}`, (m) => m.load.perSecond);
    const failed = med(`app ${kind}`, (m) => m.load.non2xx + m.load.errors);
    rows.push({
      group: 'commands',
      figure: `HTTP ${kind}, c=${CONNECTIONS}, embedded SQLite`,
      value: perSecond,
      unit: 'req/s',
      yardstick: 'auth+validation+logging route',
      yardstickValue: med(`plumbed ${kind}`, (m) => m.load.perSecond),
      ratio: ratioOf(
        perSecond,
        med(`plumbed ${kind}`, (m) => m.load.perSecond),
      ),
      target: '>= 1500 commands/s',
      met: perSecond >= 1500,
      note:
        `${note}; non-2xx ${failed}${kind === 'payments' ? ' (409 when two race on one case)' : ranOut ? `; ${ranOut}` : ''}; ` +
        `p99 ${med(`app ${kind}`, (m) => m.load.p99)} ms` +
        (perSecond >= 1500 ? '' : `; ${shortBy(perSecond, 1500)}: ${oneLoop(cpu)}`),
    });
    const plumbedCpu = med(`plumbed ${kind}`, (m) => m.cpuMsPerRequest);
    const ratio = ratioOf(cpu, plumbedCpu);
    rows.push({
      group: 'commands',
      figure: `server CPU per ${kind.slice(0, -1)}`,
      value: round(cpu, 3),
      unit: 'ms',
      yardstick: 'auth+validation+logging route',
      yardstickValue: round(plumbedCpu, 3),
      ratio,
      target: '<= 1.5x the route with the same auth, validation and logging',
      met: ratio !== undefined && ratio <= 1.5,
      note: 'includes the in-process projector and timer index (see the WORKERS=separate rows: the API alone, and the worker)',
    });
    const apart = med(`separate ${kind}`, (m) => m.cpuMsPerRequest);
    const apartRatio = ratioOf(apart, plumbedCpu);
    rows.push({
      group: 'commands',
      figure: `server CPU per ${kind.slice(0, -1)}, the API alone (WORKERS=separate)`,
      value: round(apart, 3),
      unit: 'ms',
      yardstick: 'auth+validation+logging route',
      yardstickValue: round(plumbedCpu, 3),
      ratio: apartRatio,
      target: '<= 1.5x the route with the same auth, validation and logging',
      met: apartRatio !== undefined && apartRatio <= 1.5,
      note:
        `the request's side only: over the route's cost, the command path (the case loaded from its cache and the store, decided and folded, the view it answers with, the append); the worker spent ${round(
          med(`separate ${kind}`, (m) => m.workerMsPerRequest ?? 0),
          3,
        )} ms ` +
        `a ${kind.slice(0, -1)} projecting and indexing timers; ${med(`separate ${kind}`, (m) => m.load.perSecond)} req/s`,
    });
    const bareCpu = med(`bare ${kind}`, (m) => m.cpuMsPerRequest);
    rows.push({
      group: 'commands',
      figure: `server CPU per request, auth+validation+logging route (${kind})`,
      value: round(plumbedCpu, 3),
      unit: 'ms',
      yardstick: 'bare Nest route',
      yardstickValue: round(bareCpu, 3),
      ratio: ratioOf(plumbedCpu, bareCpu),
    });
  }
  return rows;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
