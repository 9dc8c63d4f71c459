/**
 * `npm run bench:history` — a command on a case with 3,000 and 5,000 events: the server's CPU
 * per payment, one request at a time, against cases of 10 events in the same run (a hundred of
 * them, one payment each a round, so they stay short while the long ones barely grow).
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

const LONG = [3_000, knob('BENCH_HISTORY_EVENTS', 5_000, 5_000)];
const REQUESTS = knob('BENCH_HISTORY_REQUESTS', 100, 40);
const ROUNDS = knob('BENCH_ROUNDS', 3, 1);

/** A case whose history holds at least `events` events: a handover, then one-øre payments. */
async function caseWith(seeder: Seeder, name: string, events: number, at: string, day: string): Promise<string> {
  const seeded = await seeder.handOver(name, at);
  let count = Number(seeded.revision) + 1;
  for (let i = 0; count < events; i++) {
    const payment = { type: 'RegisterPayment' as const, data: { amount: 1, paidOn: day, reference: `S-${i}` } };
    count += await seeder.command(seeded, payment, at);
  }
  return seeded.caseId;
}

/** What one server is measured on: short cases (the yardstick: each gets one payment a round, so it stays short) and the long ones. */
interface Cases {
  short: string[];
  long: string[];
}

async function measure(cacheSize: string, file: string, cases: Cases, token: string, day: string) {
  const app = await startServer('app', { SQLITE_FILE: file, CASE_CACHE_SIZE: cacheSize });
  try {
    await waitUntil(async () => caughtUp((await health(app.url)).body), 300_000, 250);
    const payments = (ids: string[], tag: string) => (i: number) => ({
      path: `/cases/${ids[i % ids.length]}/payments`,
      body: { amount: 1, paidOn: day, reference: `H-${cacheSize}-${tag}-${i}` },
    });
    const cpuPer = async (ids: string[], tag: string, amount: number) => {
      const before = await app.cpu();
      const result = await load({ url: app.url, connections: 1, amount, token, request: payments(ids, tag) });
      const after = await app.cpu();
      if (result.non2xx) throw new Error(`history bench: ${result.non2xx} payments refused`);
      return (after.micros - before.micros) / 1000 / result.requests;
    };
    // Every case met once first, as a case in use is (the first command on a case reads it whole).
    await cpuPer(cases.short, 'warm', cases.short.length);
    for (const id of cases.long) await cpuPer([id], 'warm', 20);
    const short: number[] = [];
    const long: number[][] = cases.long.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      short.push(await cpuPer(cases.short, `r${round}`, cases.short.length));
      for (const [i, id] of cases.long.entries()) long[i].push(await cpuPer([id], `r${round}`, REQUESTS));
    }
    return { short: median(short), long: long.map(median) };
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
    // Each server its own cases, so the one measured second meets the same lengths.
    const casesFor = async (mode: string): Promise<Cases> => ({
      short: await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) => caseWith(seeder, `HIST-${mode}-10-${i}`, 10, at, day)),
      ),
      long: await Promise.all(LONG.map((n) => caseWith(seeder, `HIST-${mode}-${n}`, n, at, day))),
    });
    const withCache = await casesFor('cache');
    const withoutCache = await casesFor('nocache');
    await seeder.close();
    const token = await signDevToken(DEV_SECRET, { subject: 'bench-cw', role: 'caseworker' });
    const cached = await measure('10000', file, withCache, token, day);
    const uncached = await measure('0', file, withoutCache, token, day);
    const note = `one payment at a time, ${REQUESTS} x ${ROUNDS} rounds (median); ${machineLoad()}`;
    const rows: BenchRow[] = LONG.flatMap((length, i) => {
      const ratio = ratioOf(cached.long[i], cached.short);
      return [
        {
          group: 'history',
          figure: `server CPU per command on a case with ${length} events`,
          value: round(cached.long[i], 3),
          unit: 'ms',
          yardstick: 'the same on cases with 10 events',
          yardstickValue: round(cached.short, 3),
          ratio,
          target: 'about the same as with 10 events (<= 1.25x)',
          met: ratio !== undefined && ratio <= 1.25,
          note,
        },
        {
          group: 'history',
          figure: `the same with the cache off (CASE_CACHE_SIZE=0), ${length} events`,
          value: round(uncached.long[i], 3),
          unit: 'ms',
          yardstick: 'cache off, 10 events',
          yardstickValue: round(uncached.short, 3),
          ratio: ratioOf(uncached.long[i], uncached.short),
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
