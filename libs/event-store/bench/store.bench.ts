/**
 * `npm run bench:store` — the event store's throughput on this machine. Every figure has a
 * yardstick measured in the same run, interleaved with it: a raw better-sqlite3 insert or scan
 * of the same rows (our overhead), or, for group commit, the single-writer durable rate (what
 * grouping buys). BENCH_QUICK=1 for a smoke run; BENCH_STREAMS and BENCH_WRITERS to scale.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src';
import { caseHistory } from '@app/case-domain/testing';
import { eventsFor } from './case-events';
import { QUICK, ratio, report, type BenchRow } from './bench-rows';
import { median, race, seconds, type Append, type Session } from './race';
import { rawScan, rawSession } from './raw-sqlite';

const STREAMS = Number(process.env.BENCH_STREAMS ?? (QUICK ? 1_000 : 10_000));
const WRITERS = Number(process.env.BENCH_WRITERS ?? 64);
const DURABLE = QUICK ? 640 : 3_200;
const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
const template = caseHistory();
let files = 0;
const nextFile = () => join(dir, `${files++}.sqlite`);
const RAW = 'raw better-sqlite3 insert';

/** `count` appends of `perAppend` events, round-robin over the streams. */
function plan(count: number, perAppend: number): Append[] {
  return Array.from({ length: count }, (_, i) => ({
    stream: `case-${i % STREAMS}`,
    revision: Math.floor(i / STREAMS) * perAppend,
    events: eventsFor(template, perAppend),
  }));
}

/** Our store on its own file: `writers` loops, each awaiting its own appends one at a time. */
function ours(synchronous: 'full' | 'normal', writers: number, file = nextFile()): Session {
  const store = new SqliteEventStore({ file, synchronous });
  return {
    run: async (appends) => {
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = w; i < appends.length; i += writers)
            await store.append(appends[i].stream, appends[i].events, { expectedRevision: 'any' });
        }),
      );
    },
    close: () => store.close(),
  };
}

async function nonDurableRows(): Promise<BenchRow[]> {
  const [one, oneRaw, grouped] = await race(
    [ours('normal', 1), rawSession(nextFile(), 'NORMAL'), ours('normal', WRITERS)],
    plan(STREAMS * 2, 1),
    500,
  );
  return [
    {
      group: 'store',
      figure: 'one append per command (1 event, single writer, synchronous=NORMAL)',
      value: one,
      unit: 'appends/s',
      yardstick: `${RAW}, one NORMAL transaction per append`,
      yardstickValue: oneRaw,
      ratio: ratio(one, oneRaw),
      target: '>= 0.82x raw SQLite (the figure before group commit)',
      met: one / oneRaw >= 0.82,
    },
    {
      group: 'store',
      figure: `appends (1 event, synchronous=NORMAL), ${WRITERS} concurrent writers`,
      value: grouped,
      unit: 'appends/s',
      yardstick: 'one append per command, single writer (this run)',
      yardstickValue: one,
      ratio: ratio(grouped, one),
    },
  ];
}

async function durableRows(): Promise<BenchRow[]> {
  const [single, singleRaw, grouped, groupedRaw] = await race(
    [ours('full', 1), rawSession(nextFile(), 'FULL'), ours('full', WRITERS), rawSession(nextFile(), 'FULL', WRITERS)],
    plan(DURABLE, 1),
    WRITERS * 5,
  );
  return [
    {
      group: 'store',
      figure: 'durable appends (1 event, synchronous=FULL), single writer awaiting each',
      value: single,
      unit: 'appends/s',
      yardstick: `${RAW}, one FULL transaction per append`,
      yardstickValue: singleRaw,
      ratio: ratio(single, singleRaw),
      note: "one fsync per append: the disk's fsync rate bounds it, and raw SQLite too",
    },
    {
      group: 'store',
      figure: `durable appends (1 event, synchronous=FULL), ${WRITERS} concurrent writers (group commit)`,
      value: grouped,
      unit: 'appends/s',
      yardstick: 'durable appends, single writer (this run)',
      yardstickValue: single,
      ratio: ratio(grouped, single),
      target: '>= 5x single-append FULL',
      met: grouped / single >= 5,
    },
    {
      group: 'store',
      figure: `durable appends, ${WRITERS} concurrent writers, against raw SQLite grouped alike`,
      value: grouped,
      unit: 'appends/s',
      yardstick: `${RAW}, ${WRITERS} appends per FULL transaction`,
      yardstickValue: groupedRaw,
      ratio: ratio(grouped, groupedRaw),
    },
  ];
}

/** Batched appends against raw SQLite, on `file` (kept for the read figures). */
async function batchRow(perAppend: number, target: number, file: string): Promise<BenchRow> {
  const appends = plan(Math.round((STREAMS * 10) / perAppend), perAppend);
  const [rate, rawRate] = await race(
    [ours('normal', 1, file), rawSession(nextFile(), 'NORMAL')],
    appends,
    Math.max(10, appends.length / 20),
  );
  return {
    group: 'store',
    figure: `${perAppend} events per append (synchronous=NORMAL)`,
    value: rate * perAppend,
    unit: 'events/s',
    yardstick: `${RAW}, one transaction per append`,
    yardstickValue: rawRate * perAppend,
    ratio: ratio(rate, rawRate),
    target: `>= ${target} events/s`,
    met: rate * perAppend >= target,
  };
}

/** Reads of the last batch file, each alternated with its yardstick a few times (median). */
async function readRows(file: string): Promise<BenchRow[]> {
  const store = new SqliteEventStore({ file });
  const readBack = async () => {
    for (let i = 0; i < STREAMS / 10; i++) await store.readStream(`case-${i}`);
  };
  const scan = async () => {
    let after: { commit: bigint; prepare: bigint } | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ after, maxCount: 5_000 });
      if (page.length === 0) return;
      after = page[page.length - 1].position;
    }
  };
  const events = Number(store.db.prepare('SELECT count(*) FROM es_events').pluck().get());
  const [read, scanned, raw] = [[], [], []] as number[][];
  for (let r = 0; r < (QUICK ? 1 : 3); r++) {
    read.push(await seconds(readBack));
    scanned.push(await seconds(scan));
    raw.push(rawScan(file));
  }
  await store.close();
  const value = Math.round(events / median(scanned));
  const rawValue = Math.round(events / median(raw));
  return [
    { group: 'store', figure: 'read back every stream', value: Math.round(events / median(read)), unit: 'events/s' },
    {
      group: 'store',
      figure: 'full $all scan (pages of 5 000)',
      value,
      unit: 'events/s',
      yardstick: 'raw better-sqlite3 scan, JSON parsed',
      yardstickValue: rawValue,
      ratio: ratio(value, rawValue),
      target: '>= 200000 events/s',
      met: value >= 200_000,
    },
  ];
}

async function main() {
  console.log(
    `event store bench: SQLite (WAL), ${STREAMS} streams, a ${template.length}-event case history as the payload template${QUICK ? ' (quick)' : ''}\n`,
  );
  const rows = [...(await nonDurableRows()), ...(await durableRows())];
  rows.push(await batchRow(10, 50_000, nextFile()));
  const kept = nextFile();
  rows.push(await batchRow(100, 50_000, kept), ...(await readRows(kept)));
  report('store', rows);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
