import { CompiledQuery, type Transaction } from 'kysely';
import type { BatchOps } from './batch-ops';
import type { CaseSummaryRow, ReadModelTables } from './schema';
import { addOnConflict, TIMELINE } from './sqlite-ops';
import { SUMMARY_COLUMNS, SUMMARY_TYPES, SUMMARY_VALUES } from './summary-columns';

const arrays = (types: readonly string[]) => types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
const columnsOf = <R>(rows: readonly R[], keys: ReadonlyArray<keyof R>) => keys.map((k) => rows.map((r) => r[k]));

/**
 * The batch statements on PostgreSQL: each table's rows of a batch in one statement (arrays
 * unnested into rows), so a batch costs a handful of round trips whatever its size.
 */
export function postgresOps(trx: Transaction<ReadModelTables>): BatchOps {
  const query = async <R>(text: string, params: unknown[] = []) =>
    (await trx.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
  return {
    db: trx,
    async lockCheckpoint(name) {
      const [row] = await query<{ position: string }>(
        'SELECT position FROM rm_checkpoints WHERE name = $1 FOR UPDATE',
        [name],
      );
      return row?.position ?? null;
    },
    async setCheckpoint(name, position) {
      await query(
        'INSERT INTO rm_checkpoints (name, position, updated_at) VALUES ($1, $2, $3) ' +
          'ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
        [name, position, new Date().toISOString()],
      );
    },
    async countParked(projection, caseIds) {
      const [row] = await query<{ n: number }>(
        'SELECT count(*)::int AS n FROM rm_parked_streams WHERE projection = $1 AND case_id = ANY($2::text[])',
        [projection, caseIds],
      );
      return row.n;
    },
    async park(rows) {
      if (!rows.length) return;
      const keys = [
        'projection',
        'case_id',
        'stream_id',
        'position',
        'revision',
        'event_type',
        'error',
        'parked_at',
        'failed_at',
        'attempts',
      ] as const;
      const types = ['text', 'text', 'text', 'text', 'int8', 'text', 'text', 'text', 'text', 'int4'];
      await query(
        `INSERT INTO rm_parked_streams (${keys.join(', ')}) SELECT * FROM unnest(${arrays(types)}) ` +
          'ON CONFLICT (projection, case_id) DO NOTHING',
        columnsOf(rows, keys),
      );
    },
    async summariesOf(table, caseIds) {
      if (!caseIds.length) return [];
      return query<CaseSummaryRow>(`SELECT * FROM ${table} WHERE case_id = ANY($1::text[])`, [caseIds]);
    },
    async upsertSummaries(table, rows) {
      if (!rows.length) return;
      await query(
        `INSERT INTO ${table} (${SUMMARY_COLUMNS.join(', ')}) ` +
          `SELECT * FROM unnest(${arrays(SUMMARY_COLUMNS.map((c) => SUMMARY_TYPES[c]))}) ` +
          `ON CONFLICT (case_id) DO UPDATE SET ${SUMMARY_VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}`,
        columnsOf<CaseSummaryRow>(rows, SUMMARY_COLUMNS),
      );
    },
    async deleteSummary(table, caseId) {
      await query(`DELETE FROM ${table} WHERE case_id = $1`, [caseId]);
    },
    async insertTimeline(table, rows, appendOnly) {
      if (!rows.length) return;
      await query(
        `INSERT INTO ${table} (${TIMELINE}) SELECT * FROM unnest(${arrays(['text', 'int8', 'text', 'text', 'text', 'text', 'text'])})` +
          (appendOnly ? '' : ' ON CONFLICT (case_id, revision) DO NOTHING'),
        columnsOf(rows, ['case_id', 'revision', 'position', 'type', 'actor', 'at', 'sentence']),
      );
    },
    async deleteTimeline(table, caseId, fromRevision = 0) {
      await query(`DELETE FROM ${table} WHERE case_id = $1 AND revision >= $2`, [caseId, fromRevision]);
    },
    async addCounts(table, deltas) {
      if (!deltas.length) return;
      const keys = ['kind', 'scope', 'bucket', 'cases', 'outstanding', 'disputed', 'collectable'] as const;
      await query(
        `INSERT INTO ${table} (${keys.join(', ')}) SELECT * FROM unnest(${arrays(['text', 'text', 'text', 'int8', 'int8', 'int8', 'int8'])}) ${addOnConflict(table)}`,
        columnsOf(deltas, keys),
      );
      const emptied = deltas.filter((d) => d.cases < 0);
      if (!emptied.length) return;
      await query(
        `DELETE FROM ${table} t USING unnest($1::text[], $2::text[], $3::text[]) AS k (kind, scope, bucket) ` +
          'WHERE t.kind = k.kind AND t.scope = k.scope AND t.bucket = k.bucket AND t.cases = 0',
        columnsOf(emptied, ['kind', 'scope', 'bucket']),
      );
    },
  };
}
