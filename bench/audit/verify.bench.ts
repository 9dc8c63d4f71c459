/**
 * `npm run bench:audit` — `audit verify` over a store of realistic, chained case histories
 * (1,000,000 events; BENCH_QUICK=1: 30,000; BENCH_AUDIT_EVENTS sets it): events per second, against
 * a plain read of the same events in the same pages (the yardstick: verification must not be much
 * slower than reading). Target: at least 100,000 events/s.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAIN_VERSION, chained, verifyStore } from '@app/audit';
import { realisticCases } from '@app/case-domain/testing';
import { SqliteEventStore, type Position } from '@app/event-store';
import { knob, machineLoad, ratioOf, round, writeResults } from '../support/results';

const EVENTS = knob('BENCH_AUDIT_EVENTS', 1_000_000, 30_000);
const TARGET = 100_000;
const PAGE = 5_000;

/** The store, chained as the command path links it, kept in the temp folder for later runs (BENCH_FRESH=1 seeds again). */
async function chainedStore(): Promise<string> {
  // Named by the chain version it is linked with, so a store linked by an older version is not reused.
  const file = join(tmpdir(), `audit-bench-${EVENTS}ev-chain${CHAIN_VERSION}.sqlite`);
  if (existsSync(file) && process.env.BENCH_FRESH !== '1') return file;
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const store = new SqliteEventStore({ file: partial });
  const heads = new Map<string, string>();
  let n = 0;
  for (const a of realisticCases({ events: EVENTS, seed: 14 })) {
    const first = a.expectedRevision === 'no_stream' ? 0n : a.expectedRevision + 1n;
    const linked = chained(a.streamId, first, heads.get(a.streamId) ?? null, a.events);
    heads.set(a.streamId, (linked[linked.length - 1].metadata.chain as { hash: string }).hash);
    await store.append(a.streamId, linked, { expectedRevision: a.expectedRevision });
    n += a.events.length;
    if (n % 200_000 < a.events.length) process.stdout.write(`  seeded ${n} events\n`);
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  renameSync(partial, file);
  return file;
}

async function plainRead(store: SqliteEventStore): Promise<number> {
  let after: Position | 'start' = 'start';
  let n = 0;
  for (;;) {
    const read = await store.readAll({ after, maxCount: PAGE, filter: { streamPrefixes: ['case-'] } });
    n += read.length;
    if (read.length < PAGE) return n;
    after = read[read.length - 1].position;
  }
}

async function main() {
  const file = await chainedStore();
  const store = new SqliteEventStore({ file });
  try {
    // Each once to warm the page cache and the JIT, then measured.
    await plainRead(store);
    await verifyStore(store, { page: PAGE });
    let started = performance.now();
    const read = await plainRead(store);
    const readSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const report = await verifyStore(store, { page: PAGE });
    const verifySeconds = (performance.now() - started) / 1000;
    if (report.events !== read) throw new Error(`verified ${report.events} events, read ${read}`);
    if (report.failing.length > 0) throw new Error(`${report.failing.length} case(s) with findings in a clean store`);
    const readRate = read / readSeconds;
    const verifyRate = report.events / verifySeconds;
    writeResults('audit', [
      {
        group: 'audit',
        figure: `audit verify, ${report.events} events in ${report.cases} cases`,
        value: round(verifyRate, 0),
        unit: 'events/s',
        yardstick: 'plain read of the same events',
        yardstickValue: round(readRate, 0),
        ratio: ratioOf(verifyRate, readRate),
        target: `>= ${TARGET} events/s`,
        met: verifyRate >= TARGET,
        note:
          `${round(verifySeconds, 1)} s (read alone ${round(readSeconds, 1)} s); ${machineLoad()}` +
          (verifyRate >= TARGET
            ? ''
            : `; short of the target by ${round(100 - (verifyRate / TARGET) * 100, 0)} %: a SHA-256 and a fold per event on top of the read`),
      },
    ]);
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
