import type Database from 'better-sqlite3';

/** What one request in a group came to: its own result, or its own error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Waiting<Req, Res> {
  request: Req;
  resolve: (value: Res) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the requests submitted until `schedule` calls back and commits them together, so one
 * commit serves every writer that was waiting. A caller is answered only after the commit that
 * holds its request.
 */
export class GroupCommit<Req, Res> {
  private waiting: Waiting<Req, Res>[] = [];
  private scheduled = false;

  constructor(
    private readonly commit: (requests: Req[]) => Outcome<Res>[],
    private readonly schedule: (flush: () => void) => void,
  ) {}

  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
  }

  /** Commits what is waiting now (also before the store closes). */
  flush(): void {
    const group = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    if (group.length === 0) return;
    let outcomes: Outcome<Res>[];
    try {
      outcomes = this.commit(group.map((w) => w.request));
    } catch (error) {
      // The transaction itself failed (busy, I/O): nothing of the group was stored.
      for (const w of group) w.reject(error);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? group[i].resolve(o.value) : group[i].reject(o.error)));
  }
}

/**
 * One `BEGIN IMMEDIATE` transaction for a group, each request in its own savepoint (better-sqlite3
 * nests transaction functions as savepoints), so a request that throws rolls back only itself and
 * a later request sees what the earlier ones wrote. A group of one needs no savepoint.
 */
export function groupTransaction<Req, Res>(
  db: Database.Database,
  one: (request: Req) => Res,
): (requests: Req[]) => Outcome<Res>[] {
  const each = db.transaction(one);
  const all = db.transaction((requests: Req[]) =>
    requests.map((request): Outcome<Res> => {
      try {
        return { ok: true, value: each(request) };
      } catch (error) {
        // Some errors (I/O, disk full) make SQLite roll back the whole transaction: then no
        // request of the group stands, and going on would commit the rest one by one.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );
  return (requests) => {
    if (requests.length > 1) return all.immediate(requests);
    try {
      return [{ ok: true, value: each.immediate(requests[0]) }];
    } catch (error) {
      return [{ ok: false, error }];
    }
  };
}
