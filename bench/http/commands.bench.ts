/**
 * `npm run bench:commands` — commands over HTTP (payments, objections) at concurrency 64 on the
 * embedded default, with the server's own CPU per request, against two yardsticks measured in
 * the same run: a bare Nest route, and a Nest route with the API's auth, validation, logging
 * and a case-sized answer but no command path. Rounds alternate the servers, medians are kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_SECRET, signDevToken } from '@app/case-runtime';
import { caughtUp, health, median, waitUntil } from '../support/health';
import { load, type LoadResult } from '../support/load';
import { knob, machineLoad, ratioOf, round, writeResults, type BenchRow } from '../support/results';
import { Seeder, today } from '../support/seed';
import { startServer, type BenchServer } from '../support/server';

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

async function measure(server: BenchServer, token: string, request: (i: number) => { path: string; body: unknown }) {
  const before = await server.cpu();
  const result = await load({ url: server.url, connections: CONNECTIONS, seconds: SECONDS, token, request });
  const after = await server.cpu();
  return { load: result, cpuMsPerRequest: (after.micros - before.micros) / 1000 / Math.max(1, result.requests) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'commands-bench-'));
  const file = join(dir, 'engine.sqlite');
  const servers: BenchServer[] = [];
  try {
    process.stdout.write(`seeding ${PAYMENT_CASES} + ${OBJECTION_CASES} cases...\n`);
    const cases = await seed(file);
    const token = await signDevToken(DEV_SECRET, { subject: 'bench-cw', role: 'caseworker' });
    const [bare, plumbed, app] = await Promise.all([
      startServer('bare'),
      startServer('plumbed'),
      startServer('app', { SQLITE_FILE: file, TIMER_POLL_MS: '1000' }),
    ]);
    servers.push(bare, plumbed, app);
    // The app first indexes the seeded cases' timers and projects them: measured once that is done.
    await waitUntil(async () => caughtUp((await health(app.url)).body), 300_000, 250);

    const day = today();
    let objection = 0;
    const requestFor = (kind: Kind) => (i: number) =>
      kind === 'payments'
        ? {
            path: `/cases/${cases.payments[i % cases.payments.length]}/payments`,
            body: { amount: 1, paidOn: day, reference: `P-${i}` },
          }
        : {
            path: `/cases/${cases.objections[objection++ % cases.objections.length]}/objections`,
            body: { debtorStatement: 'I never ordered this service', channel: 'written' },
          };
    const yardRequest = (kind: Kind) => (i: number) => {
      const r = requestFor(kind)(i);
      if (kind === 'objections') objection--; // the yardsticks use no case up
      return r;
    };

    const runs: Record<string, Measured[]> = {};
    const keep = (name: string, m: Measured) => (runs[name] ??= []).push(m);
    await measure(app, token, requestFor('payments')); // warm-up: JIT, caches, connections
    for (let round = 0; round < ROUNDS; round++) {
      process.stdout.write(`round ${round + 1} of ${ROUNDS}\n`);
      for (const kind of ['payments', 'objections'] as const) {
        keep(`bare ${kind}`, await measure(bare, token, yardRequest(kind)));
        keep(`plumbed ${kind}`, await measure(plumbed, token, yardRequest(kind)));
        keep(`app ${kind}`, await measure(app, token, requestFor(kind)));
      }
    }
    const ranOut = objection > cases.objections.length;
    writeResults('commands', rowsOf(runs, ranOut ? 'objection cases ran out: later ones met 422' : ''));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

function rowsOf(runs: Record<string, Measured[]>, ranOut: string): BenchRow[] {
  const med = (name: string, pick: (m: Measured) => number) => median(runs[name].map(pick));
  const note = `c=${CONNECTIONS}, ${SECONDS} s x ${ROUNDS} rounds (median); ${machineLoad()}`;
  const rows: BenchRow[] = [];
  for (const kind of ['payments', 'objections'] as const) {
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
        `p99 ${med(`app ${kind}`, (m) => m.load.p99)} ms`,
    });
    const cpu = med(`app ${kind}`, (m) => m.cpuMsPerRequest);
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
      note: 'includes the in-process projector and timer index',
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
