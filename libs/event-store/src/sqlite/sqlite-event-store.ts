import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import { catchUpSubscription } from '../catch-up';
import { IdempotencyViolation, WrongExpectedVersion } from '../errors';
import type {
  AppendResult,
  EventData,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { migrate, type EventRow } from './schema';
import { allQuery } from './read-all-query';
import { GroupCommit, groupTransaction } from './group-commit';

export interface SqliteOptions {
  /** A file path, or ':memory:'. */
  file: string;
  /** How often a live subscription looks for appends made by other processes (ms). */
  pollIntervalMs?: number;
  /** The clock for `created`; the wall clock by default. */
  now?: () => string;
  /**
   * When an append is answered: `full` once it is on disk, `normal` (default) once SQLite has it.
   * What each survives is in the README. Other tables on `db` stay at NORMAL.
   */
  synchronous?: 'full' | 'normal';
  /** How long an append waits for another process's write lock before failing (ms). */
  busyTimeoutMs?: number;
}

interface AppendRequest {
  streamId: string;
  events: EventData[];
  expected: ExpectedRevision;
}

/**
 * The embedded store on better-sqlite3, in WAL mode. Concurrent appends are committed in one
 * transaction (group commit), so one fsync serves many writers; each caller still gets its own
 * result or error, and appends to one stream in a group see each other.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private readonly commits = new EventEmitter().setMaxListeners(0);
  private readonly statements;
  private readonly group: GroupCommit<AppendRequest, AppendResult>;
  private readonly durable: boolean;
  private readonly pollIntervalMs: number;
  private readonly allStatements = new Map<string, Database.Statement>();
  private readonly now: () => string;

  constructor(options: SqliteOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 268435456');
    this.db.pragma('temp_store = MEMORY');
    migrate(this.db);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.now = options.now ?? (() => new Date().toISOString());
    this.durable = options.synchronous === 'full';
    const db = this.db;
    this.statements = {
      last: db.prepare('SELECT revision, position FROM es_events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
      byEventId: db.prepare('SELECT stream_id, revision, position FROM es_events WHERE event_id = ?'),
      insert: db.prepare(
        'INSERT INTO es_events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      forwards: db.prepare(
        'SELECT * FROM es_events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
      ),
      backwards: db.prepare(
        'SELECT * FROM es_events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
    };
    const transaction = groupTransaction(db, (r: AppendRequest) => this.appendInTx(r.streamId, r.events, r.expected));
    this.group = new GroupCommit(
      (requests) => {
        const outcomes = this.durably(() => transaction(requests));
        // Subscribers are told once per group.
        if (outcomes.some((o, i) => o.ok && requests[i].events.length)) this.commits.emit('commit');
        return outcomes;
      },
      // An fsync is worth a turn of the event loop: after the poll phase, every request read in
      // it has reached its append. Without one, a turn would cost a lone writer more than it
      // saves, so the group is what was appended in this tick (concurrent writers, Promise.all).
      this.durable ? setImmediate : process.nextTick,
    );
  }

  /**
   * With `full`, the commit waits for the disk; the connection stays at NORMAL for the other
   * tables on it. `exec`, not a prepared statement: SQLite applies this pragma when it prepares
   * it, so a re-run statement may change nothing.
   */
  private durably<T>(commit: () => T): T {
    if (!this.durable) return commit();
    this.db.exec('PRAGMA synchronous = FULL');
    try {
      return commit();
    } finally {
      this.db.exec('PRAGMA synchronous = NORMAL');
    }
  }

  append(
    streamId: string,
    events: EventData[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.group.submit({ streamId, events, expected: options.expectedRevision });
  }

  private appendInTx(streamId: string, events: EventData[], expected: ExpectedRevision): AppendResult {
    const last = this.statements.last.get(streamId) as { revision: number; position: number } | undefined;
    const retried = events.length ? this.retried(streamId, events) : null;
    if (retried) return retried;
    const actual = last ? BigInt(last.revision) : 'no_stream';
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' ? !last : expected === 'stream_exists' ? !!last : actual === expected);
    if (!ok) throw new WrongExpectedVersion(streamId, expected, actual);
    let revision = last ? last.revision : -1;
    let position = last ? last.position : 0;
    const created = this.now();
    for (const e of events) {
      revision += 1;
      const info = this.statements.insert.run(
        streamId,
        revision,
        e.id,
        e.type,
        JSON.stringify(e.data ?? null),
        JSON.stringify(e.metadata ?? {}),
        created,
      );
      position = Number(info.lastInsertRowid);
    }
    const p = BigInt(position);
    return { nextExpectedRevision: BigInt(revision), position: { commit: p, prepare: p } };
  }

  /** The same event ids again: answer as the first append did, append nothing (as EventStoreDB does). */
  private retried(streamId: string, events: EventData[]): AppendResult | null {
    const found = events.map(
      (e) =>
        this.statements.byEventId.get(e.id) as { stream_id: string; revision: number; position: number } | undefined,
    );
    if (found.every((f) => f === undefined)) return null;
    const consistent = found.every((f, i) => f && f.stream_id === streamId && f.revision === found[0]!.revision + i);
    if (!consistent) throw new IdempotencyViolation(streamId, events[found.findIndex((f) => f)].id);
    const lastRow = found[found.length - 1]!;
    const p = BigInt(lastRow.position);
    return { nextExpectedRevision: BigInt(lastRow.revision), position: { commit: p, prepare: p } };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? -1;
    const from = options.fromRevision;
    const rows =
      options.direction === 'backwards'
        ? this.statements.backwards.all(
            streamId,
            from === undefined || from === 'end' ? Number.MAX_SAFE_INTEGER : from === 'start' ? 0 : Number(from),
            limit,
          )
        : this.statements.forwards.all(
            streamId,
            from === undefined || from === 'start' ? 0 : from === 'end' ? Number.MAX_SAFE_INTEGER : Number(from),
            limit,
          );
    return (rows as EventRow[]).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { sql, params } = allQuery(options);
    // Raw row arrays and a statement cache: a full scan is the projections' rebuild path.
    let statement = this.allStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).raw(true);
      this.allStatements.set(sql, statement);
    }
    return (statement.all(...params) as RawRow[]).map(fromRawRow);
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions): Subscription {
    return catchUpSubscription(
      { readAll: (o) => this.readAll(o), waitForMore: (signal) => this.waitForMore(signal) },
      handler,
      options,
    );
  }

  /** Wakes on an in-process commit, or after the poll interval (appends from other processes). */
  private waitForMore(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.commits.off('commit', finish);
        signal.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, this.pollIntervalMs);
      this.commits.once('commit', finish);
      signal.addEventListener('abort', finish, { once: true });
    });
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.group.flush();
    this.db.close();
  }
}

/** Columns in table order: position, stream_id, revision, event_id, type, data, metadata, created. */
export type RawRow = [number, string, number, string, string, string, string, string];

export function fromRawRow(r: RawRow): RecordedEvent {
  const p = BigInt(r[0]);
  return {
    streamId: r[1],
    revision: BigInt(r[2]),
    position: { commit: p, prepare: p },
    id: r[3],
    type: r[4],
    data: JSON.parse(r[5]),
    metadata: JSON.parse(r[6]),
    created: r[7],
  };
}

export function toRecorded(row: EventRow): RecordedEvent {
  const p = BigInt(row.position);
  return {
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: { commit: p, prepare: p },
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    created: row.created,
  };
}
