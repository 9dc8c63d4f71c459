/**
 * `npm run bench:projections` — rebuild the read models from BENCH_EVENTS stored events
 * (default 1 000 000: realistic case histories decided by the real machine), into SQLite and,
 * when DATABASE_URL is set, into PostgreSQL; prints events/s against the targets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newEventId, SqliteEventStore } from '@app/event-store';
import { CaseProjector, openReadStore, rebuildReadModels, type ReadStore } from '@app/read-models';
import { caseHistory } from '@app/case-domain/testing';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'projections-bench-'));

async function seed(store: SqliteEventStore): Promise<number> {
  const template = JSON.stringify(caseHistory());
  const perCase = JSON.parse(template).length;
  const cases = Math.ceil(TOTAL / perCase);
  let appended = 0;
  for (let i = 0; i < cases; i++) {
    const caseId = `bench-${i}`;
    const events = JSON.parse(template.replaceAll('template', caseId));
    await store.append(
      `case-${caseId}`,
      events.map((e: { type: string; data: unknown }) => ({
        id: newEventId(),
        type: e.type,
        data: e.data,
        metadata: { actor: { kind: 'caseworker', id: 'cw-1' } },
      })),
      { expectedRevision: 'no_stream' },
    );
    appended += events.length;
  }
  return appended;
}

async function rebuild(name: string, store: SqliteEventStore, read: ReadStore, target: number) {
  const started = process.hrtime.bigint();
  let lastPrint = 0;
  const projected = await rebuildReadModels(store, read, ({ projected: n }) => {
    if (n - lastPrint >= 100_000) {
      process.stdout.write(`  ${name}: ${n} events\n`);
      lastPrint = n;
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = Math.round(projected / seconds);
  return {
    store: name,
    events: projected,
    seconds: Number(seconds.toFixed(1)),
    'events/s': rate,
    target,
    met: rate >= target ? 'yes' : 'NO',
  };
}

const RATE = 500;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);

/** Sustained commands (one 3-event command = a new case's handover) while the live projector runs. */
async function lagUnderLoad(store: SqliteEventStore, read: ReadStore) {
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  const projector = new CaseProjector(store, read, {
    idleMs: 20,
    beforeCommit: (events) => {
      const now = performance.now();
      for (const e of events) {
        const t = appendedAt.get(e.position.commit.toString());
        if (t !== undefined) lags.push(now - t);
      }
    },
  });
  await projector.catchUp();
  projector.start();
  const template = JSON.parse(JSON.stringify(caseHistory().slice(0, 5)));
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < LOAD_SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    for (; sent < due; sent++) {
      const caseId = `load-${sent}`;
      const events = JSON.parse(JSON.stringify(template).replaceAll('template', caseId));
      const result = await store.append(
        `case-${caseId}`,
        events.map((e: { type: string; data: unknown }) => ({
          id: newEventId(),
          type: e.type,
          data: e.data,
          metadata: {},
        })),
        { expectedRevision: 'no_stream' },
      );
      appendedAt.set(result.position.commit.toString(), performance.now());
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  for (let i = 0; i < 500 && lags.length < sent; i++) await new Promise((r) => setTimeout(r, 10));
  await projector.stop();
  lags.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(lags[Math.min(lags.length - 1, Math.floor(lags.length * p))]);
  return {
    commands: sent,
    measured: lags.length,
    'p50 ms': pct(0.5),
    'p99 ms': pct(0.99),
    'max ms': Math.round(lags[lags.length - 1]),
    target: 'p99 < 1000 ms',
    met: pct(0.99) < 1000 ? 'yes' : 'NO',
  };
}

async function main() {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const seedStart = Date.now();
  const seeded = await seed(store);
  console.log(`seeded ${seeded} events in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  const results = [];
  const sqlite = await openReadStore({ sqliteFile: join(dir, 'read.sqlite') });
  results.push(await rebuild('SQLite', store, sqlite, 30_000));
  await sqlite.close();
  if (process.env.DATABASE_URL) {
    const schema = `bench_${Date.now().toString(36)}`;
    const postgres = await openReadStore({ databaseUrl: process.env.DATABASE_URL, schema });
    results.push(await rebuild('PostgreSQL', store, postgres, 15_000));
    await postgres.close();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  } else {
    console.log('PostgreSQL skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  console.table(results);
  const live = await openReadStore({ sqliteFile: join(dir, 'read.sqlite') });
  console.log(`\nlag of the live SQLite projection under ${RATE} commands/s for ${LOAD_SECONDS} s:`);
  console.table([await lagUnderLoad(store, live)]);
  await live.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
