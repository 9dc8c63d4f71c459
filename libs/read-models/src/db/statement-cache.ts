import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * better-sqlite3 with its prepared statements kept: Kysely's SQLite driver prepares each query
 * again on every call (a third of a rebuild's time once went there). Statements are keyed by
 * their SQL, the least recently used dropped past `size`; a statement outlives schema changes
 * (SQLite re-prepares it itself when a table it reads was renamed or altered).
 */
export class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    private readonly size = 500,
  ) {}

  prepare(sql: string): Database.Statement & SqliteStatement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.size) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement as Database.Statement & SqliteStatement;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
