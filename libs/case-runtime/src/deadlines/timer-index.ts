import type Database from 'better-sqlite3';
import { serializePosition, parsePosition, type Position, type RecordedEvent } from '@app/event-store';

export type TimerStatus = 'open' | 'fired' | 'cancelled' | 'dropped';
export interface DueTimer {
  timerId: string;
  caseId: string;
  kind: string;
  dueAt: string;
}

/** The events the index is kept from. */
export const TIMER_EVENTS = ['DeadlineScheduled', 'DeadlineCancelled', 'DeadlineFired'];

const CHECKPOINT = 'timer-index';

/**
 * Every case timer and its status, kept from the events. A page of events and the checkpoint
 * it advances are written in one transaction, and applying an event twice changes nothing, so
 * a crash anywhere neither loses nor doubles a timer.
 */
export class TimerIndex {
  private readonly schedule;
  private readonly close;
  private readonly setCheckpoint;
  private readonly getCheckpoint;
  private readonly due;
  private readonly countDue;
  private readonly applyTx;

  constructor(db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS case_timers (
        timer_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, due_at TEXT NOT NULL,
        status TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS case_timers_due ON case_timers (status, due_at);
      CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);`);
    this.schedule = db.prepare(`INSERT OR IGNORE INTO case_timers (timer_id, case_id, kind, due_at, status, updated_at)
      VALUES (?, ?, ?, ?, 'open', datetime('now'))`);
    this.close = db.prepare(
      `UPDATE case_timers SET status = ?, updated_at = datetime('now') WHERE timer_id = ? AND status = 'open'`,
    );
    this.setCheckpoint = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.getCheckpoint = db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck();
    this.due = db.prepare(`SELECT timer_id AS timerId, case_id AS caseId, kind, due_at AS dueAt FROM case_timers
      WHERE status = 'open' AND due_at <= ? ORDER BY due_at, timer_id LIMIT ?`);
    this.countDue = db.prepare(`SELECT count(*) FROM case_timers WHERE status = 'open' AND due_at <= ?`).pluck();
    this.applyTx = db.transaction((events: readonly RecordedEvent[], through: Position) => {
      for (const event of events) this.applyOne(event);
      this.setCheckpoint.run(CHECKPOINT, serializePosition(through));
    });
  }

  /**
   * Applies a page of events and moves the checkpoint to `through` (the last of them, or past
   * it when the events in between hold no timer), all in one transaction.
   */
  applyPage(events: readonly RecordedEvent[], through: Position): void {
    this.applyTx(events, through);
  }

  checkpoint(): Position | 'start' {
    const text = this.getCheckpoint.get(CHECKPOINT) as string | undefined;
    return text ? parsePosition(text) : 'start';
  }

  dueBy(now: string, limit = 500): DueTimer[] {
    return this.due.all(now, limit) as DueTimer[];
  }

  /** How many open timers are due by `now` (what a backlog still holds). */
  dueCount(now: string): number {
    return this.countDue.get(now) as number;
  }

  /** What the service concluded itself, ahead of the event that will confirm it. */
  settle(timerId: string, status: Exclude<TimerStatus, 'open'>): void {
    this.close.run(status, timerId);
  }

  private applyOne(event: RecordedEvent): void {
    const data = event.data as { timerId: string; kind: string; dueAt?: string };
    if (event.type === 'DeadlineScheduled') {
      this.schedule.run(data.timerId, event.streamId.replace(/^case-/, ''), data.kind, data.dueAt);
    } else if (event.type === 'DeadlineFired') {
      this.close.run('fired', data.timerId);
    } else if (event.type === 'DeadlineCancelled') {
      this.close.run('cancelled', data.timerId);
    }
  }
}
