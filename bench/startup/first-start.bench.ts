/**
 * `npm run bench:startup` — a first start on a store of BENCH_EVENTS events (no read models, no
 * timer index yet): how soon `/health` answers, how long the timer index and the read models
 * take to build in the background, and how fast `/health` answers meanwhile; against a restart
 * on the same store once everything is built, in the same run.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { health, percentile, type HealthBody } from '../support/health';
import { generateStore } from '../support/generate-store';
import { knob, machineLoad, ratioOf, round, writeResults, type BenchRow } from '../support/results';
import { startServer } from '../support/server';

const EVENTS = knob('BENCH_EVENTS', 1_400_000, 30_000);
const TIMEOUT_S = knob('BENCH_STARTUP_TIMEOUT_S', 900, 120);
const HEALTH_TIMEOUT_MS = 10_000;

const indexLive = (b: HealthBody) => b.info?.background?.timerIndex?.state === 'live';
const projected = (b: HealthBody) => b.info?.projection?.events === 0;

function settleOnDisk(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Starts the API and follows `/health` until the background work is done (or the timeout). */
async function start(file: string) {
  const started = performance.now();
  const app = await startServer('app', { SQLITE_FILE: file, TIMER_POLL_MS: '1000' });
  const since = () => (performance.now() - started) / 1000;
  let firstAnswer: number | undefined;
  let indexBuilt: number | undefined;
  let readModelsBuilt: number | undefined;
  const latencies: number[] = [];
  while (since() < TIMEOUT_S && (indexBuilt === undefined || readModelsBuilt === undefined)) {
    const answer = await health(app.url, HEALTH_TIMEOUT_MS);
    // An unanswered /health counts as long as it was waited for: a frozen process is not a fast one.
    latencies.push(answer.status === 200 ? answer.ms : HEALTH_TIMEOUT_MS);
    if (answer.status === 200) {
      firstAnswer ??= since();
      if (indexLive(answer.body)) indexBuilt ??= since();
      if (projected(answer.body)) readModelsBuilt ??= since();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const exitMs = await app.stop();
  return { firstAnswer, indexBuilt, readModelsBuilt, latencies, exitMs };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'startup-bench-'));
  const file = join(dir, 'engine.sqlite');
  try {
    const t0 = performance.now();
    const generated = await generateStore(file, EVENTS);
    // The new store's pages are written out before the first start is timed: a first start meets
    // a store that has been on disk, not a gigabyte of the generator's writes still being flushed.
    settleOnDisk(file);
    process.stdout.write(
      `generated ${generated.events} events (${generated.source}) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
    );
    const first = await start(file);
    const again = await start(file);
    const s = (v: number | undefined) => (v === undefined ? -1 : round(v, 1));
    const p99 = round(percentile(first.latencies, 99), 1);
    const note = `${generated.events} events (${generated.source}); ${machineLoad()}`;
    const ratio = first.firstAnswer && again.firstAnswer ? ratioOf(first.firstAnswer, again.firstAnswer) : undefined;
    const rows: BenchRow[] = [
      {
        group: 'startup',
        figure: `first start on ${generated.events} events: first /health answer`,
        value: s(first.firstAnswer),
        unit: 's',
        yardstick: 'restart on the built store',
        yardstickValue: s(again.firstAnswer),
        ratio,
        target: 'answers /health at once (<= 1.5x a restart)',
        met: ratio !== undefined && ratio <= 1.5,
        note: 'both include the process start (ts-node, Nest)',
      },
      {
        group: 'startup',
        figure: 'first start: timer index built in the background',
        value: s(first.indexBuilt),
        unit: 's',
        note: first.indexBuilt === undefined ? `not built within ${TIMEOUT_S} s` : note,
      },
      {
        group: 'startup',
        figure: 'first start: read models caught up in the background',
        value: s(first.readModelsBuilt),
        unit: 's',
        note:
          first.readModelsBuilt === undefined
            ? `not caught up within ${TIMEOUT_S} s`
            : 'the projector (its own benchmark)',
      },
      {
        group: 'startup',
        figure: '/health p99 while a first start catches up',
        value: p99,
        unit: 'ms',
        yardstick: '/health p99 after a restart',
        yardstickValue: round(percentile(again.latencies, 99), 1),
        ratio: ratioOf(p99, percentile(again.latencies, 99)),
        target: '<= 100 ms',
        met: p99 <= 100,
        note:
          `${first.latencies.filter((ms) => ms < HEALTH_TIMEOUT_MS).length} of ${first.latencies.length} asked answered ` +
          `within ${HEALTH_TIMEOUT_MS / 1000} s (the rest count as ${HEALTH_TIMEOUT_MS / 1000} s); the projector holds the event loop while it catches up`,
      },
    ];
    writeResults('startup', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
