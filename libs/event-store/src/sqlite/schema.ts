import type Database from 'better-sqlite3';

/**
 * One table: the row id is the global position; (stream, revision) and the event id are
 * unique, so two writers cannot both take a revision and a retried event cannot land twice.
 * No index on the event type: type-filtered reads are projection catch-ups that scan `$all`
 * anyway, and a third B-tree per row costs every append.
 */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS es_events (
      position   INTEGER PRIMARY KEY AUTOINCREMENT,
      stream_id  TEXT    NOT NULL,
      revision   INTEGER NOT NULL,
      event_id   TEXT    NOT NULL UNIQUE,
      type       TEXT    NOT NULL,
      data       TEXT    NOT NULL,
      metadata   TEXT    NOT NULL,
      created    TEXT    NOT NULL,
      UNIQUE (stream_id, revision)
    );
  `);
}

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}
