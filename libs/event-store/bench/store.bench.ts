/**
 * `npm run bench:store` — the event store's throughput on this machine, with a raw
 * better-sqlite3 insert of the same rows in the same run as the yardstick (our overhead).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventData } from '../src';
import { migrate } from '../src/sqlite/schema';
import { caseHistory } from '@app/case-domain/testing';
import { eventsFor } from './case-events';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
const template = caseHistory();
const rows: Array<{ name: string; events: number; seconds: number; target?: number; raw?: number }> = [];

function time<T>(fn: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

/** The same rows, inserted with a bare prepared statement, one transaction per batch. */
function rawInsert(file: string, batches: EventData[][], synchronous: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  migrate(db);
  const insert = db.prepare(
    'INSERT INTO es_events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const tx = db.transaction((stream: string, batch: EventData[], first: number) => {
    batch.forEach((e, i) =>
      insert.run(
        stream,
        first + i,
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        '2025-03-03T09:00:00.000Z',
      ),
    );
  });
  const [, seconds] = time(() =>
    batches.forEach((batch, i) => tx(`case-${i % STREAMS}`, batch, Math.floor(i / STREAMS) * batch.length)),
  );
  db.close();
  return seconds;
}

async function appendRun(
  name: string,
  perAppend: number,
  appends: number,
  synchronous: 'NORMAL' | 'FULL',
  target?: number,
) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.sqlite`);
  const store = new SqliteEventStore({ file });
  store.db.pragma(`synchronous = ${synchronous}`);
  const batches = Array.from({ length: appends }, () => eventsFor(template, perAppend));
  const [, seconds] = await timeAsync(async () => {
    for (let i = 0; i < appends; i++)
      await store.append(`case-${i % STREAMS}`, batches[i], { expectedRevision: 'any' });
  });
  await store.close();
  const raw = rawInsert(join(dir, `raw-${name.replace(/\W+/g, '-')}.sqlite`), batches, synchronous);
  rows.push({ name, events: appends * perAppend, seconds, target, raw });
  return file;
}

async function main() {
  console.log(
    `event store bench: SQLite (WAL), ${STREAMS} streams, a ${template.length}-event case history as the payload template\n`,
  );
  await appendRun(
    'append 1 event/append (synchronous=FULL: fsync per commit)',
    1,
    Math.min(STREAMS, 5_000),
    'FULL',
    5_000,
  );
  await appendRun('append 1 event/append (synchronous=NORMAL, the default)', 1, STREAMS * 2, 'NORMAL', 5_000);
  await appendRun('append 10 events/append', 10, STREAMS, 'NORMAL', 50_000);
  const file = await appendRun('append 100 events/append', 100, Math.max(1, STREAMS / 10), 'NORMAL', 50_000);

  const store = new SqliteEventStore({ file });
  const [readBack, readSeconds] = await timeAsync(async () => {
    let n = 0;
    for (let i = 0; i < STREAMS / 10; i++) n += (await store.readStream(`case-${i}`)).length;
    return n;
  });
  rows.push({ name: 'read back every stream', events: readBack, seconds: readSeconds });
  const [scanned, scanSeconds] = await timeAsync(async () => {
    let n = 0;
    let after: { commit: bigint; prepare: bigint } | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ after, maxCount: 5_000 });
      if (page.length === 0) return n;
      n += page.length;
      after = page[page.length - 1].position;
    }
  });
  await store.close();
  // The yardstick: the same rows read and parsed with a bare statement, in one pass.
  const raw = new Database(file, { readonly: true });
  const [, rawScan] = time(() => {
    for (const r of raw
      .prepare('SELECT position, stream_id, type, data, metadata FROM es_events ORDER BY position')
      .raw(true)
      .iterate()) {
      const row = r as unknown[];
      JSON.parse(row[3] as string);
      JSON.parse(row[4] as string);
    }
  });
  raw.close();
  rows.push({
    name: 'full $all scan (pages of 5 000)',
    events: scanned,
    seconds: scanSeconds,
    target: 200_000,
    raw: rawScan,
  });

  const table = rows.map((r) => ({
    measurement: r.name,
    events: r.events,
    'events/s': Math.round(r.events / r.seconds),
    'raw sqlite events/s': r.raw ? Math.round(r.events / r.raw) : '',
    'ours ÷ raw': r.raw ? (r.raw / r.seconds).toFixed(2) : '',
    target: r.target ?? '',
    met: r.target ? (r.events / r.seconds >= r.target ? 'yes' : 'NO') : '',
  }));
  console.table(table);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
