import type { BatchOps } from './batch-ops';
import type { Kysely } from 'kysely';
import type { CaseSummaryRow, ReadModelTables } from './schema';
import { SUMMARY_COLUMNS, SUMMARY_VALUES } from './summary-columns';
import type { StatementCache } from '@app/sql';

/** A count's delta added to the count in place (the same SQL on both dialects). */
export const addOnConflict = (table: string) =>
  `ON CONFLICT (kind, scope, bucket) DO UPDATE SET ${['cases', 'outstanding', 'disputed', 'collectable']
    .map((c) => `${c} = ${table}.${c} + excluded.${c}`)
    .join(', ')}`;

export const TIMELINE = 'case_id, revision, position, type, actor, at, sentence';

/** The batch statements on SQLite: each prepared once (the cache keeps it), run row by row. */
export function sqliteOps(sqlite: StatementCache, db: Kysely<ReadModelTables>): BatchOps {
  const run = (text: string, ...params: unknown[]) => sqlite.prepare(text).run(...params);
  return {
    db,
    async lockCheckpoint(name) {
      const row = sqlite.prepare('SELECT position FROM rm_checkpoints WHERE name = ?').get(name) as
        { position: string } | undefined;
      return row?.position ?? null;
    },
    async setCheckpoint(name, position) {
      run(
        'INSERT INTO rm_checkpoints (name, position, updated_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
        name,
        position,
        new Date().toISOString(),
      );
    },
    async countParked(projection, caseIds) {
      const one = sqlite.prepare('SELECT 1 AS parked FROM rm_parked_streams WHERE projection = ? AND case_id = ?');
      return caseIds.reduce((n, id) => n + (one.get(projection, id) ? 1 : 0), 0);
    },
    async park(rows) {
      const insert = sqlite.prepare(
        'INSERT INTO rm_parked_streams (projection, case_id, stream_id, position, revision, event_type, error, parked_at, failed_at, attempts) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (projection, case_id) DO NOTHING',
      );
      for (const r of rows) {
        insert.run(
          r.projection,
          r.case_id,
          r.stream_id,
          r.position,
          r.revision,
          r.event_type,
          r.error,
          r.parked_at,
          r.failed_at,
          r.attempts,
        );
      }
    },
    async summariesOf(table, caseIds) {
      const one = sqlite.prepare(`SELECT * FROM ${table} WHERE case_id = ?`);
      const rows: CaseSummaryRow[] = [];
      for (const id of caseIds) {
        const row = one.get(id) as CaseSummaryRow | undefined;
        if (row) rows.push(row);
      }
      return rows;
    },
    async upsertSummaries(table, rows, old) {
      if (!rows.length) return;
      const insert = sqlite.prepare(
        `INSERT INTO ${table} (${SUMMARY_COLUMNS.join(', ')}) VALUES (${SUMMARY_COLUMNS.map(() => '?').join(', ')}) ` +
          `ON CONFLICT (case_id) DO UPDATE SET ${SUMMARY_VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      for (const r of rows) {
        const before = old?.get(r.case_id);
        if (!before) {
          insert.run(SUMMARY_COLUMNS.map((c) => r[c]));
          continue;
        }
        const changed = SUMMARY_COLUMNS.filter((c) => before[c] !== r[c]);
        if (!changed.length) continue;
        sqlite
          .prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE case_id = ?`)
          .run(...changed.map((c) => r[c]), r.case_id);
      }
    },
    async deleteSummary(table, caseId) {
      run(`DELETE FROM ${table} WHERE case_id = ?`, caseId);
    },
    async insertTimeline(table, rows, appendOnly) {
      if (!rows.length) return;
      const insert = sqlite.prepare(
        `INSERT INTO ${table} (${TIMELINE}) VALUES (?, ?, ?, ?, ?, ?, ?)` +
          (appendOnly ? '' : ' ON CONFLICT (case_id, revision) DO NOTHING'),
      );
      for (const r of rows) insert.run(r.case_id, r.revision, r.position, r.type, r.actor, r.at, r.sentence);
    },
    async deleteTimeline(table, caseId, fromRevision = 0) {
      run(`DELETE FROM ${table} WHERE case_id = ? AND revision >= ?`, caseId, fromRevision);
    },
    async addCounts(table, deltas) {
      const add = sqlite.prepare(
        `INSERT INTO ${table} (kind, scope, bucket, cases, outstanding, disputed, collectable) VALUES (?, ?, ?, ?, ?, ?, ?) ${addOnConflict(table)}`,
      );
      const drop = sqlite.prepare(`DELETE FROM ${table} WHERE kind = ? AND scope = ? AND bucket = ? AND cases = 0`);
      for (const d of deltas) {
        add.run(d.kind, d.scope, d.bucket, d.cases, d.outstanding, d.disputed, d.collectable);
        if (d.cases < 0) drop.run(d.kind, d.scope, d.bucket);
      }
    },
  };
}
