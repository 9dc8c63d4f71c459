/**
 * `npm run bench:projections` — rebuilds the read models from realistic, interleaved case
 * histories (BENCH_EVENTS, default 1 400 000; decided by the real machine, with the command
 * path's metadata) into SQLite and, with DATABASE_URL, PostgreSQL; each against the bare write
 * path on the same events in the same run, with memory against the start. BENCH_QUICK=1: a small run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SqliteEventStore } from '@app/event-store';
import { openReadStore, rebuildReadModels, type ReadStore } from '../src';
import { MB, MemoryWatch, QUICK, ratio, report, type BenchRow } from './bench-rows';
import { rawPostgres, rawSqlite } from './raw-yardstick';
import { realisticStore } from './realistic-store';

const EVENTS = Number(process.env.BENCH_EVENTS ?? (QUICK ? 60_000 : 1_400_000));
const SEED = Number(process.env.BENCH_SEED ?? 1);
const BATCH = 2000;
const dir = mkdtempSync(join(tmpdir(), 'projections-bench-'));

async function rebuildRows(
  name: string,
  store: SqliteEventStore,
  read: ReadStore,
  raw: () => Promise<number>,
  target: number,
) {
  const watch = new MemoryWatch();
  let next = EVENTS / 4;
  const started = process.hrtime.bigint();
  const projected = await rebuildReadModels(store, read, ({ projected: n }) => {
    if (n < next) return;
    watch.sample();
    next += EVENTS / 4;
  });
  const rate = projected / (Number(process.hrtime.bigint() - started) / 1e9);
  const memory = watch.stop();
  const yardstick = await raw();
  const group = 'rebuild';
  return [
    {
      group,
      figure: `rebuild on ${name}, ${projected} realistic events`,
      value: Math.round(rate),
      unit: 'events/s',
      yardstick: `bare ${name} writes of the same rows`,
      yardstickValue: Math.round(yardstick),
      ratio: ratio(rate, yardstick),
      target: `>= ${target} events/s`,
      met: rate >= target,
    },
    {
      group,
      figure: `rebuild on ${name}: live heap at the end`,
      value: MB(memory.heapAtEnd),
      unit: 'MB',
      yardstick: 'live heap halfway',
      yardstickValue: MB(memory.heapHalfway),
      ratio: ratio(memory.heapAtEnd, memory.heapHalfway),
      target: 'flat: bounded by the case cache, not by the events',
      met: memory.heapAtEnd <= memory.heapHalfway * 1.1,
      note:
        `live heap at each quarter: ${memory.liveHeap.map(MB).join(', ')} MB (start ${MB(memory.startHeap)}); ` +
        `peak RSS ${MB(memory.peakRss)} MB from ${MB(memory.startRss)} MB` +
        (memory.collected ? '' : '; run without --expose-gc: heap figures include garbage'),
    },
  ] satisfies BenchRow[];
}

async function main() {
  const seeded = await realisticStore({ seed: SEED, events: EVENTS });
  if (seeded.seconds) console.log(`seeded ${EVENTS} events in ${seeded.seconds.toFixed(0)} s`);
  const store = new SqliteEventStore({ file: seeded.file });
  const rows: BenchRow[] = [];
  const sqlite = await openReadStore({ sqliteFile: join(dir, 'read.sqlite') });
  rows.push(
    ...(await rebuildRows('SQLite', store, sqlite, () => rawSqlite(store, join(dir, 'raw.sqlite'), BATCH), 30_000)),
  );
  await sqlite.close();
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${Date.now().toString(36)}`;
    const postgres = await openReadStore({ databaseUrl: url, schema });
    rows.push(
      ...(await rebuildRows(
        'PostgreSQL',
        store,
        postgres,
        () => rawPostgres(store, url, `${schema}_raw`, BATCH),
        20_000,
      )),
    );
    await postgres.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  } else {
    console.log('PostgreSQL skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  report('rebuild', rows);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
