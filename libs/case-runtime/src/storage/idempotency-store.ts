import Database from 'better-sqlite3';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Responses to commands sent with an Idempotency-Key, kept so a retry gets the original answer. */
export abstract class IdempotencyStore {
  abstract get(scope: string, key: string): StoredResponse | undefined;
  abstract put(scope: string, key: string, response: StoredResponse): void;
}

export class SqliteIdempotencyStore extends IdempotencyStore {
  private readonly select;
  private readonly insert;

  constructor(private readonly db: Database.Database) {
    super();
    db.exec(`CREATE TABLE IF NOT EXISTS idempotent_responses (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      body TEXT NOT NULL, headers TEXT NOT NULL, stored_at TEXT NOT NULL DEFAULT (datetime('now')),
      PRIMARY KEY (scope, key))`);
    this.select = db.prepare(
      'SELECT fingerprint, status, body, headers FROM idempotent_responses WHERE scope = ? AND key = ?',
    );
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO idempotent_responses (scope, key, fingerprint, status, body, headers) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  get(scope: string, key: string): StoredResponse | undefined {
    const row = this.select.get(scope, key) as
      { fingerprint: string; status: number; body: string; headers: string } | undefined;
    return (
      row && {
        fingerprint: row.fingerprint,
        status: row.status,
        body: JSON.parse(row.body),
        headers: JSON.parse(row.headers),
      }
    );
  }

  put(scope: string, key: string, r: StoredResponse): void {
    this.insert.run(scope, key, r.fingerprint, r.status, JSON.stringify(r.body), JSON.stringify(r.headers));
  }
}
