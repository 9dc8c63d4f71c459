import Database from 'better-sqlite3';

/** What a key was first used for: the request's fingerprint and the case it acted on. */
export interface KeyUse {
  fingerprint: string;
  caseId: string;
  usedAt: string;
}

/**
 * The Idempotency-Keys seen lately, so one key cannot be reused for another request (on this
 * case or another) while it is remembered. The original outcome itself is rebuilt from the
 * case's stream, where the key and the request's fingerprint travel in the events' metadata.
 */
export abstract class IdempotencyStore {
  /** The first use of `key` in `scope` at or after `since`, if any. */
  abstract find(scope: string, key: string, since: string): KeyUse | undefined;
  /** Remembers a use (the first one wins) and forgets those older than `forgetBefore`. */
  abstract remember(scope: string, key: string, use: KeyUse, forgetBefore: string): void;
}

export class SqliteIdempotencyStore extends IdempotencyStore {
  private readonly select;
  private readonly insert;
  private readonly expire;

  constructor(db: Database.Database) {
    super();
    db.exec(`
      DROP TABLE IF EXISTS idempotent_responses;
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, case_id TEXT NOT NULL,
        used_at TEXT NOT NULL, PRIMARY KEY (scope, key));
      CREATE INDEX IF NOT EXISTS idempotency_keys_used_at ON idempotency_keys (used_at);`);
    this.select = db.prepare(
      `SELECT fingerprint, case_id AS caseId, used_at AS usedAt FROM idempotency_keys
       WHERE scope = ? AND key = ? AND used_at >= ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, case_id, used_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, case_id = excluded.case_id,
         used_at = excluded.used_at WHERE idempotency_keys.used_at < ?`,
    );
    this.expire = db.prepare('DELETE FROM idempotency_keys WHERE used_at < ?');
  }

  find(scope: string, key: string, since: string): KeyUse | undefined {
    return this.select.get(scope, key, since) as KeyUse | undefined;
  }

  remember(scope: string, key: string, use: KeyUse, forgetBefore: string): void {
    // An expired use may be replaced; a live one never is.
    this.insert.run(scope, key, use.fingerprint, use.caseId, use.usedAt, forgetBefore);
    this.expire.run(forgetBefore);
  }
}
