import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** A cached statement: what Kysely's driver and the projection's statements use of one. */
export interface CachedStatement extends SqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): Database.RunResult;
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

/**
 * better-sqlite3 with its prepared statements kept: Kysely's SQLite driver prepares each query
 * again on every call (a third of a rebuild's time once went there). Statements are keyed by
 * their SQL, the least recently used dropped past `size`; a statement outlives schema changes
 * (SQLite re-prepares it itself when a table it reads was renamed or altered).
 *
 * Rows are read as arrays and made objects here: better-sqlite3 builds each row object key by
 * key from C++, which for a summary row (34 columns) costs several times the query itself.
 */
export class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, CachedStatement>();

  private readonly size: number;
  private readonly owned: boolean;

  /** `owned: false`: the database is someone else's to close (closing this only forgets its statements). */
  constructor(
    readonly db: Database.Database,
    options: { size?: number; owned?: boolean } = {},
  ) {
    this.size = options.size ?? 500;
    this.owned = options.owned ?? true;
  }

  prepare(sql: string): CachedStatement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = cached(this.db.prepare(sql));
      if (this.statements.size >= this.size) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  close(): void {
    this.statements.clear();
    if (this.owned) this.db.close();
  }
}

type RowOf = (values: unknown[]) => Record<string, unknown>;

function cached(statement: Database.Statement): CachedStatement {
  if (!statement.reader) {
    const fail = () => {
      throw new TypeError('This statement returns no rows.');
    };
    return { reader: false, all: fail, get: fail, iterate: fail, run: (...p) => statement.run(...p) };
  }
  const raw = statement.raw(true);
  let rowOf: RowOf | undefined;
  let width = -1;
  const row = (values: unknown[]) => {
    // Columns are read again only if their number changed (a `select *` after a migration).
    if (values.length !== width) {
      rowOf = rowFactory(raw.columns().map((c) => c.name));
      width = values.length;
    }
    return rowOf!(values);
  };
  return {
    reader: true,
    all: (...p) => (raw.all(...p) as unknown[][]).map(row),
    get: (...p) => {
      const values = raw.get(...p) as unknown[] | undefined;
      return values && row(values);
    },
    *iterate(...p) {
      for (const values of raw.iterate(...p) as IterableIterator<unknown[]>) yield row(values);
    },
    run: (...p) => raw.run(...p),
  };
}

/** `{ "a": v[0], "b": v[1], … }` compiled once per column list; a repeated name keeps its last value. */
function rowFactory(names: string[]): RowOf {
  const body = names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${body} };`) as RowOf;
}
