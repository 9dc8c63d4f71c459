/**
 * `npm run bench:timers` — a backlog of BENCH_TIMERS overdue timers (cases handed over 20 days
 * ago, whose 14-day notice deadline has passed) fired by the API's timer service: how fast
 * `/health` answers while it drains (against an idle `/health` in the same run), how fast the
 * timers fire, and how soon SIGTERM ends the process in the middle of a drain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { health, percentile, waitUntil, type HealthBody } from '../support/health';
import { knob, machineLoad, ratioOf, round, writeResults, type BenchRow } from '../support/results';
import { Seeder } from '../support/seed';
import { startServer } from '../support/server';

const TIMERS = knob('BENCH_TIMERS', 5_000, 600);
const DAY = 86_400_000;

const timers = (b: HealthBody) => b.info?.background?.timers;

/** A store whose every case has an overdue notice deadline. */
async function backlog(file: string): Promise<void> {
  const seeder = new Seeder(file);
  const at = new Date(Date.now() - 20 * DAY).toISOString();
  for (let i = 0; i < TIMERS; i++) await seeder.handOver(`DUE-${i}`, at);
  await seeder.close();
}

/** `/health` every 20 ms while the backlog drains; then the same once it is idle. */
async function drain(file: string) {
  const app = await startServer('app', { SQLITE_FILE: file, TIMER_POLL_MS: '200' });
  try {
    const started = performance.now();
    const during: number[] = [];
    let fired = 0;
    let sawFiring = false;
    while (performance.now() - started < 600_000) {
      const answer = await health(app.url, 30_000);
      const t = timers(answer.body);
      if (t?.state === 'catching up') sawFiring = true;
      if (sawFiring) during.push(answer.status === 200 ? answer.ms : 30_000);
      fired = Math.max(fired, t?.fired ?? 0);
      if (sawFiring && t?.state === 'live') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) {
      idle.push((await health(app.url)).ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { during, idle, fired, seconds };
  } finally {
    await app.stop();
  }
}

/** SIGTERM once a tenth of the backlog has fired: how long until the process has exited. */
async function terminate(file: string) {
  const app = await startServer('app', { SQLITE_FILE: file, TIMER_POLL_MS: '200' });
  await waitUntil(async () => (timers((await health(app.url)).body)?.fired ?? 0) >= TIMERS / 10, 300_000, 20);
  const firedAtSignal = timers((await health(app.url)).body)?.fired ?? 0;
  const exitMs = await app.stop('SIGTERM');
  return { exitMs, firedAtSignal };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'timers-bench-'));
  try {
    await backlog(join(dir, 'drain.sqlite'));
    await backlog(join(dir, 'term.sqlite'));
    const d = await drain(join(dir, 'drain.sqlite'));
    const t = await terminate(join(dir, 'term.sqlite'));
    const p99 = round(percentile(d.during, 99), 1);
    const idleP99 = round(percentile(d.idle, 99), 1);
    const note = `${TIMERS} overdue timers; ${machineLoad()}`;
    const rows: BenchRow[] = [
      {
        group: 'timers',
        figure: '/health p99 while a timer backlog drains',
        value: p99,
        unit: 'ms',
        yardstick: 'idle /health p99',
        yardstickValue: idleP99,
        ratio: ratioOf(p99, idleP99),
        target: '<= 100 ms',
        met: p99 <= 100,
        note: `${d.during.length} answers, max ${round(Math.max(0, ...d.during), 0)} ms; ${note}`,
      },
      {
        group: 'timers',
        figure: 'overdue timers fired',
        value: Math.round(d.fired / d.seconds),
        unit: 'timers/s',
        note: `${d.fired} fired in ${round(d.seconds, 1)} s, through the command path, one per event-loop turn`,
      },
      {
        group: 'timers',
        figure: 'SIGTERM to exit in the middle of a backlog',
        value: Math.round(t.exitMs),
        unit: 'ms',
        target: '<= 5000 ms',
        met: t.exitMs <= 5000,
        note: `signalled after ${t.firedAtSignal} of ${TIMERS} had fired`,
      },
    ];
    writeResults('timers', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
