import type Database from 'better-sqlite3';
import type { CaseEvent } from '@app/case-domain';
import { CaseStreams, StaleRevision, streamOf, type NewCaseEvent, type StoredCaseEvent } from '../cases/case-stream.port';

interface Row { revision: number; type: string; data: string; metadata: string; recorded_at: string }

/**
 * Case streams on the embedded SQLite file: the global position is the row id, (stream,
 * revision) and the event id are unique, and an append is one transaction that checks the
 * expected revision first, so a refused append changes nothing.
 */
export class SqliteCaseStreams extends CaseStreams {
  private readonly readRows;
  private readonly lastRevision;
  private readonly findEvent;
  private readonly insert;
  private readonly appendAll;

  constructor(private readonly db: Database.Database, private readonly now: () => string) {
    super();
    db.exec(`CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      stream TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
      UNIQUE (stream, revision))`);
    this.readRows = db.prepare('SELECT revision, type, data, metadata, recorded_at FROM events WHERE stream = ? ORDER BY revision');
    this.lastRevision = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream = ?').pluck();
    this.findEvent = db.prepare('SELECT stream, revision FROM events WHERE event_id = ?');
    this.insert = db.prepare('INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.appendAll = db.transaction((stream: string, expected: bigint | 'no_stream', events: NewCaseEvent[]): bigint => {
      // A retried append with the same event ids is a no-op that answers as the first one did.
      const earlier = this.findEvent.get(events[0].id) as { stream: string; revision: number } | undefined;
      if (earlier && earlier.stream === stream) return BigInt(earlier.revision + events.length - 1);
      const last = this.lastRevision.get(stream) as number | null;
      const actual = last === null ? 'no_stream' : BigInt(last);
      if (actual !== expected) throw new StaleRevision(expected, actual);
      let revision = last === null ? -1 : last;
      const recordedAt = this.now();
      for (const e of events) {
        revision += 1;
        this.insert.run(stream, revision, e.id, e.event.type, JSON.stringify(e.event.data), JSON.stringify(e.metadata), recordedAt);
      }
      return BigInt(revision);
    });
  }

  async read(caseId: string): Promise<StoredCaseEvent[]> {
    return (this.readRows.all(streamOf(caseId)) as Row[]).map((r) => ({
      event: { type: r.type, data: JSON.parse(r.data) } as CaseEvent,
      revision: BigInt(r.revision),
      recordedAt: r.recorded_at,
      metadata: JSON.parse(r.metadata),
    }));
  }

  async append(caseId: string, expected: bigint | 'no_stream', events: NewCaseEvent[]): Promise<bigint> {
    if (events.length === 0) throw new Error('Nothing to append.');
    try {
      return this.appendAll.immediate(streamOf(caseId), expected, events);
    } catch (error) {
      // Two writers that both passed the check: the unique (stream, revision) refuses the second.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const last = this.lastRevision.get(streamOf(caseId)) as number | null;
        throw new StaleRevision(expected, last === null ? 'no_stream' : BigInt(last));
      }
      throw error;
    }
  }
}
