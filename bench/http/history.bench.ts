/**
 * `npm run bench:history` — a command on a case with 10, 3,000 and 5,000 events: the server's
 * CPU per payment on each, one request at a time, against the 10-event case in the same run.
 * Then the same with the folded-state cache off (CASE_CACHE_SIZE=0): what a load costs when it
 * folds the whole history, as before the cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_SECRET, signDevToken } from '@app/case-runtime';
import { caughtUp, health, median, waitUntil } from '../support/health';
import { load } from '../support/load';
import { knob, machineLoad, ratioOf, round, writeResults, type BenchRow } from '../support/results';
import { Seeder, today } from '../support/seed';
import { startServer } from '../support/server';

const LENGTHS = [10, 3_000, knob('BENCH_HISTORY_EVENTS', 5_000, 5_000)];
const REQUESTS = knob('BENCH_HISTORY_REQUESTS', 300, 60);
const ROUNDS = knob('BENCH_ROUNDS', 3, 1);

/** A case whose history holds at least `events` events: a handover, then one-øre payments. */
async function caseWith(seeder: Seeder, events: number, at: string, day: string): Promise<string> {
  const seeded = await seeder.handOver(`HIST-${events}`, at);
  let count = Number(seeded.revision) + 1;
  for (let i = 0; count < events; i++) {
    count += await seeder.command(
      seeded,
      { type: 'RegisterPayment', data: { amount: 1, paidOn: day, reference: `S-${i}` } },
      at,
    );
  }
  return seeded.caseId;
}

async function measure(cacheSize: string, file: string, cases: string[], token: string, day: string) {
  const app = await startServer('app', { SQLITE_FILE: file, CASE_CACHE_SIZE: cacheSize });
  try {
    await waitUntil(async () => caughtUp((await health(app.url)).body), 300_000, 250);
    const perCase: number[][] = cases.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [c, caseId] of cases.entries()) {
        const request = (i: number) => ({
          path: `/cases/${caseId}/payments`,
          body: { amount: 1, paidOn: day, reference: `H-${cacheSize}-${round}-${i}` },
        });
        await load({ url: app.url, connections: 1, amount: 20, token, request }); // the first load fills the cache
        const before = await app.cpu();
        const result = await load({ url: app.url, connections: 1, amount: REQUESTS, token, request });
        const after = await app.cpu();
        if (result.non2xx) throw new Error(`history bench: ${result.non2xx} payments refused`);
        perCase[c].push((after.micros - before.micros) / 1000 / result.requests);
      }
    }
    return perCase.map(median);
  } finally {
    await app.stop();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'history-bench-'));
  const file = join(dir, 'engine.sqlite');
  try {
    const seeder = new Seeder(file);
    const at = new Date().toISOString();
    const day = today();
    const cases: string[] = [];
    for (const length of LENGTHS) cases.push(await caseWith(seeder, length, at, day));
    await seeder.close();
    const token = await signDevToken(DEV_SECRET, { subject: 'bench-cw', role: 'caseworker' });
    const cached = await measure('10000', file, cases, token, day);
    const uncached = await measure('0', file, cases, token, day);
    const note = `one payment at a time, ${REQUESTS} x ${ROUNDS} rounds (median); ${machineLoad()}`;
    const rows: BenchRow[] = LENGTHS.slice(1).flatMap((length, i) => {
      const ratio = ratioOf(cached[i + 1], cached[0]);
      return [
        {
          group: 'history',
          figure: `server CPU per command on a case with ${length} events`,
          value: round(cached[i + 1], 3),
          unit: 'ms',
          yardstick: 'the same on a case with 10 events',
          yardstickValue: round(cached[0], 3),
          ratio,
          target: 'about the same as with 10 events (<= 1.25x)',
          met: ratio !== undefined && ratio <= 1.25,
          note,
        },
        {
          group: 'history',
          figure: `the same with the cache off (CASE_CACHE_SIZE=0), ${length} events`,
          value: round(uncached[i + 1], 3),
          unit: 'ms',
          yardstick: 'cache off, 10 events',
          yardstickValue: round(uncached[0], 3),
          ratio: ratioOf(uncached[i + 1], uncached[0]),
          note: 'what the history costs when every load folds it whole',
        },
      ];
    });
    writeResults('history', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
