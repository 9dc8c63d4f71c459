import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { comparePositions, IdempotencyViolation, SqliteEventStore, WrongExpectedVersion } from '../src';
import { groupTransaction } from '../src/sqlite/group-commit';
import { event } from './contract';

/**
 * Concurrent appends are committed as one group. Every `Promise.all` below submits its appends
 * in one tick, so they land in one group in either mode.
 */
describe.each(['full', 'normal'] as const)('SQLite group commit, synchronous=%s', (synchronous) => {
  const dir = mkdtempSync(join(tmpdir(), 'es-group-'));
  let files = 0;
  const fileStore = (options: { busyTimeoutMs?: number } = {}) => {
    const file = join(dir, `${files++}.sqlite`);
    return { file, store: new SqliteEventStore({ file, synchronous, ...options }) };
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let store: SqliteEventStore;
  beforeEach(() => {
    store = fileStore().store;
  });
  afterEach(() => store.close());

  it('answers each of many appends to different streams with its own revision, positions in the order asked', async () => {
    const streams = Array.from({ length: 200 }, (_, i) => `case-${i}`);
    const results = await Promise.all(
      streams.map((s) => store.append(s, [event(), event()], { expectedRevision: 'no_stream' })),
    );
    expect(results.every((r) => r.nextExpectedRevision === 1n)).toBe(true);
    for (let i = 1; i < results.length; i++)
      expect(comparePositions(results[i - 1].position, results[i].position)).toBeLessThan(0);
    const all = await store.readAll();
    expect(all.filter((_, i) => i % 2 === 1).map((e) => e.streamId)).toEqual(streams);
    expect(all.filter((_, i) => i % 2 === 1).map((e) => e.position)).toEqual(results.map((r) => r.position));
  });

  it('lets exactly one of many appends at one expected revision win; the others learn the revision it made', async () => {
    await store.append('case-1', [event()], { expectedRevision: 'no_stream' });
    const race = await Promise.allSettled(
      Array.from({ length: 30 }, () => store.append('case-1', [event()], { expectedRevision: 0n })),
    );
    expect(race[0]).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
    const refused = race.slice(1);
    expect(refused.every((r) => r.status === 'rejected' && r.reason instanceof WrongExpectedVersion)).toBe(true);
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.actual)).toEqual(refused.map(() => 1n));
    expect(await store.readStream('case-1')).toHaveLength(2);
  });

  it('checks a later append to a stream against what an earlier one in the same group made', async () => {
    const chain = await Promise.all([
      store.append('case-1', [event()], { expectedRevision: 'no_stream' }),
      store.append('case-1', [event(), event()], { expectedRevision: 0n }),
      store.append('case-1', [event()], { expectedRevision: 'stream_exists' }),
      store.append('case-1', [event()], { expectedRevision: 3n }),
    ]);
    expect(chain.map((r) => r.nextExpectedRevision)).toEqual([0n, 2n, 3n, 4n]);
    expect((await store.readStream('case-1')).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
  });

  it('answers a retry in the same group as the first append, appending nothing more; reused ids for other events fail alone', async () => {
    const batch = [event(), event()];
    const [first, retry, misuse, other] = await Promise.allSettled([
      store.append('case-1', batch, { expectedRevision: 'no_stream' }),
      store.append('case-1', batch, { expectedRevision: 'no_stream' }),
      store.append('case-2', [batch[0]], { expectedRevision: 'any' }),
      store.append('case-3', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(retry).toEqual(first);
    expect(misuse).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyViolation) });
    expect(other).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect(await store.readStream('case-1')).toHaveLength(2);
    expect(await store.readStream('case-2')).toEqual([]);
  });

  it('rolls back only the request that failed half-way, and the others in its group stand', async () => {
    const twice = event();
    const outcomes = await Promise.allSettled([
      store.append('case-1', [event()], { expectedRevision: 'no_stream' }),
      store.append('case-2', [event(), twice, twice], { expectedRevision: 'no_stream' }),
      store.append('case-3', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('UNIQUE');
    expect(await store.readStream('case-2')).toEqual([]);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['case-1', 'case-3']);
  });

  it('tells a live subscriber of every event of a group', async () => {
    const seen: string[] = [];
    let caughtUp = false;
    const sub = store.subscribeToAll((e) => void seen.push(e.streamId), {
      from: 'start',
      onCaughtUp: () => (caughtUp = true),
    });
    while (!caughtUp) await new Promise((r) => setTimeout(r, 1));
    const streams = Array.from({ length: 50 }, (_, i) => `case-${i}`);
    await Promise.all(streams.map((s) => store.append(s, [event()], { expectedRevision: 'no_stream' })));
    for (let i = 0; i < 500 && seen.length < 50; i++) await new Promise((r) => setTimeout(r, 2));
    await sub.stop();
    expect(seen).toEqual(streams);
  });

  it('commits a group as one transaction: when its commit fails, no append of the group stands', async () => {
    poisonCommits(store.db);
    const group = await Promise.allSettled([
      store.append('case-1', [event()], { expectedRevision: 'no_stream' }),
      store.append('case-2', [event('Poison')], { expectedRevision: 'no_stream' }),
      store.append('case-3', [event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(group.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((group[0] as PromiseRejectedResult).reason)).toContain('FOREIGN KEY');
    expect(await store.readAll()).toEqual([]);
    const next = await store.append('case-1', [event()], { expectedRevision: 'no_stream' });
    expect(next.nextExpectedRevision).toBe(0n);
  });

  const separately =
    synchronous === 'full'
      ? 'shares one commit between appends made in separate callbacks of one turn of the loop, as HTTP requests are'
      : 'commits appends made in separate callbacks apart: with no fsync to share, no turn of the loop is waited for';
  it(separately, async () => {
    poisonCommits(store.db);
    const append = (type: string, stream: string) =>
      new Promise((resolve, reject) =>
        setImmediate(() =>
          store.append(stream, [event(type)], { expectedRevision: 'no_stream' }).then(resolve, reject),
        ),
      );
    const outcomes = await Promise.allSettled([append('Poison', 'case-1'), append('Innocent', 'case-2')]);
    expect(outcomes.map((o) => o.status)).toEqual(
      synchronous === 'full' ? ['rejected', 'rejected'] : ['rejected', 'fulfilled'],
    );
  });

  it(`commits at synchronous=${synchronous}, and leaves the connection at NORMAL for the other tables on it`, async () => {
    store.db.exec(`
      CREATE TABLE levels (level INTEGER);
      CREATE TRIGGER seen AFTER INSERT ON es_events BEGIN INSERT INTO levels SELECT synchronous FROM pragma_synchronous; END;`);
    await Promise.all(['case-1', 'case-2'].map((s) => store.append(s, [event()], { expectedRevision: 'no_stream' })));
    await store.append('case-3', [event()], { expectedRevision: 'no_stream' });
    const level = synchronous === 'full' ? 2 : 1;
    expect(store.db.prepare('SELECT level FROM levels').pluck().all()).toEqual([level, level, level]);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('keeps a group whole across a reopen of the file', async () => {
    const { file, store: durable } = fileStore();
    const streams = Array.from({ length: 64 }, (_, i) => `case-${i}`);
    const results = await Promise.all(
      streams.map((s) => durable.append(s, [event()], { expectedRevision: 'no_stream' })),
    );
    await durable.close();
    const reopened = new SqliteEventStore({ file });
    const all = await reopened.readAll();
    await reopened.close();
    expect(all.map((e) => e.streamId)).toEqual(streams);
    expect(all.map((e) => e.position)).toEqual(results.map((r) => r.position));
  });

  it('commits what is waiting before it closes', async () => {
    const { file, store: closing } = fileStore();
    const pending = closing.append('case-1', [event('Last')], { expectedRevision: 'no_stream' });
    await closing.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const reopened = new SqliteEventStore({ file });
    expect((await reopened.readStream('case-1')).map((e) => e.type)).toEqual(['Last']);
    await reopened.close();
  });

  it('waits for another writer’s lock, and fails the whole group when it is not released in time', async () => {
    const { store: impatient } = fileStore({ busyTimeoutMs: 50 });
    const lock = await holdWriteLock(impatient.db.name, 500);
    const blocked = await Promise.allSettled(
      ['case-1', 'case-2'].map((s) => impatient.append(s, [event()], { expectedRevision: 'no_stream' })),
    );
    await lock.released;
    expect(blocked.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((blocked[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(await impatient.readAll()).toEqual([]);
    await impatient.close();

    const { store: patient } = fileStore({ busyTimeoutMs: 5000 });
    const brief = await holdWriteLock(patient.db.name, 30);
    const waited = await Promise.all(
      ['case-1', 'case-2'].map((s) => patient.append(s, [event()], { expectedRevision: 'no_stream' })),
    );
    await brief.released;
    expect(waited.map((r) => r.nextExpectedRevision)).toEqual([0n, 0n]);
    await patient.close();
  });
});

/** A deferred constraint is checked at COMMIT: an event of type Poison makes the whole commit fail. */
function poisonCommits(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TRIGGER poison AFTER INSERT ON es_events WHEN NEW.type = 'Poison'
    BEGIN INSERT INTO child VALUES (42); END;`);
}

/**
 * Another connection, on another thread (as another process would be), takes the write lock and
 * holds it for `ms`. Resolves once the lock is taken.
 */
async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const db = new (require(workerData.module))(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { file, ms, module: require.resolve('better-sqlite3') } },
  );
  await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  return { released: new Promise((resolve, reject) => worker.once('exit', () => resolve()).once('error', reject)) };
}

describe('a group transaction', () => {
  it('stops the group when SQLite has rolled back the whole transaction (as on an I/O error), committing nothing', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const commit = groupTransaction(db, (x: string) => {
      insert.run(x);
      if (x === 'b') {
        db.exec('ROLLBACK'); // what SQLite itself does on some errors
        throw new Error('disk I/O error');
      }
      return x;
    });
    expect(() => commit(['a', 'b', 'c'])).toThrow('disk I/O error');
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual([]);
    expect(commit(['d', 'e'])).toEqual([
      { ok: true, value: 'd' },
      { ok: true, value: 'e' },
    ]);
    db.close();
  });
});
