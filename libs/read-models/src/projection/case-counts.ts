import type { CountedColumns } from '../db/batch-ops';
import type { CaseCountRow } from '../db/schema';

/**
 * The counts one summary row is in: its status, overall and for its creditor (with its amounts,
 * for the portfolio); while open, the day its open deadline falls due and its limitation date.
 */
function countsOf(row: CountedColumns): Array<Pick<CaseCountRow, 'kind' | 'scope' | 'bucket'>> {
  const keys: Array<Pick<CaseCountRow, 'kind' | 'scope' | 'bucket'>> = [
    { kind: 'status', scope: '', bucket: row.status },
    { kind: 'status', scope: row.creditor_id, bucket: row.status },
  ];
  if (row.status !== 'closed') {
    if (row.open_deadline_due_at)
      keys.push({ kind: 'deadline', scope: '', bucket: row.open_deadline_due_at.slice(0, 10) });
    if (row.limitation_date) keys.push({ kind: 'limitation', scope: '', bucket: row.limitation_date });
  }
  return keys;
}

/** What a batch changes in the counts: each old row taken out, each new one put in, per count. */
export class CountDeltas {
  private readonly deltas = new Map<string, CaseCountRow>();

  add(row: CountedColumns, sign: 1 | -1): void {
    for (const key of countsOf(row)) {
      const id = `${key.kind}\u0000${key.scope}\u0000${key.bucket}`;
      let delta = this.deltas.get(id);
      if (!delta) {
        delta = { ...key, cases: 0, outstanding: 0, disputed: 0, collectable: 0 };
        this.deltas.set(id, delta);
      }
      delta.cases += sign;
      delta.outstanding += sign * Number(row.outstanding);
      delta.disputed += sign * Number(row.disputed);
      delta.collectable += sign * Number(row.collectable);
    }
  }

  /** The counts that change (a row replaced by one with the same keys and amounts changes none). */
  rows(): CaseCountRow[] {
    return [...this.deltas.values()].filter((d) => d.cases || d.outstanding || d.disputed || d.collectable);
  }
}
