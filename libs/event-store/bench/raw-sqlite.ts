import Database from 'better-sqlite3';
import { migrate } from '../src/sqlite/schema';
import type { Append, Session } from './race';

/**
 * The yardstick: the same rows inserted with a bare prepared statement, `perTransaction` appends
 * to a transaction, no revision check.
 */
export function rawSession(file: string, synchronous: 'NORMAL' | 'FULL', perTransaction = 1): Session {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  migrate(db);
  const insert = db.prepare(
    'INSERT INTO es_events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const tx = db.transaction((appends: Append[], from: number, to: number) => {
    for (let j = from; j < to; j++) {
      const a = appends[j];
      a.events.forEach((e, i) =>
        insert.run(
          a.stream,
          a.revision + i,
          e.id,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          '2025-03-03T09:00:00.000Z',
        ),
      );
    }
  });
  return {
    run(appends) {
      for (let i = 0; i < appends.length; i += perTransaction)
        tx(appends, i, Math.min(i + perTransaction, appends.length));
    },
    close: () => void db.close(),
  };
}

/** The yardstick for a scan: every row read and its JSON parsed with a bare statement, in one pass. */
export function rawScan(file: string): number {
  const db = new Database(file, { readonly: true });
  const start = process.hrtime.bigint();
  for (const r of db
    .prepare('SELECT position, stream_id, type, data, metadata FROM es_events ORDER BY position')
    .raw(true)
    .iterate()) {
    const row = r as unknown[];
    JSON.parse(row[3] as string);
    JSON.parse(row[4] as string);
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return elapsed;
}
