import type { Kysely } from 'kysely';
import pg from 'pg';
import { serializePosition, type EventStore, type Position } from '@app/event-store';
import { openReadStore } from '../src';
import { createSummaryIndexes, createTables, indexTag } from '../src/db/migrations';
import type { CaseSummaryRow, ReadModelTables } from '../src/db/schema';
import { SUMMARY_COLUMNS, SUMMARY_TYPES, SUMMARY_VALUES } from '../src/db/summary-columns';

/**
 * The yardstick of a rebuild: the same events read from the same store, and rows of the same
 * shape written with bare prepared statements (SQLite) or one multi-row insert per table and
 * batch (PostgreSQL), one transaction per batch, into the library's own tables with its indexes
 * built at the end. No fold, no
 * domain: what writing the read models costs the database and the driver alone.
 */
const TIMELINE_COLUMNS = {
  case_id: 'text',
  revision: 'bigint',
  position: 'text',
  type: 'text',
  actor: 'text',
  at: 'text',
  sentence: 'text',
};

function summaryValues(caseId: string, revision: number, at: string): unknown[] {
  const row: CaseSummaryRow = {
    case_id: caseId,
    creditor_id: 'creditor-001',
    creditor_reference: 'INV-100001',
    debtor_id: 'debtor-0123456789',
    debtor_name: 'Kari Nordmann',
    debtor_kind: 'consumer',
    status: 'dispute.awaitingCreditor',
    stage: 'Awaiting the creditor’s reply',
    collection_stage: 'onHold',
    dispute_stage: 'awaitingCreditor',
    principal: 300000,
    credited: 0,
    paid: 0,
    fees: 17500,
    interest: 1234,
    outstanding: 318734,
    outstanding_principal: 300000,
    disputed: 100000,
    collectable: 218734,
    interest_accrued_until: at.slice(0, 10),
    interest_stopped: 0,
    dispute_code: 1,
    collection_paused: 0,
    fees_chargeable_to_debtor: 1,
    stage_at_objection: 'notice',
    open_deadline_kind: 'creditorReply',
    open_deadline_due_at: at,
    creditor_reminders: 0,
    queue_order: `999|${at}`,
    limitation_date: '2028-01-01',
    allowed_actions: '["RegisterPayment","IssueCreditNote","RecordCreditorReply","WithdrawClaim","CloseCase"]',
    closure_reason: null,
    revision,
    last_changed_at: at,
    closed_on: null,
    personal_data_erased_at: null,
    rule_pack: null,
  };
  return SUMMARY_COLUMNS.map((c) => row[c]);
}

interface Batch {
  timeline: unknown[][];
  summaries: unknown[][];
  checkpoint: string;
}

async function* batches(store: EventStore, size: number): AsyncGenerator<Batch> {
  let after: Position | 'start' = 'start';
  for (;;) {
    const events = await store.readAll({ after, maxCount: size, filter: { streamPrefixes: ['case-'] } });
    if (!events.length) return;
    const last = new Map<string, unknown[]>();
    const timeline = events.map((e) => {
      const caseId = e.streamId.slice('case-'.length);
      const at = (e.data as { at: string }).at;
      last.set(caseId, summaryValues(caseId, Number(e.revision), at));
      return [
        caseId,
        Number(e.revision),
        serializePosition(e.position),
        e.type,
        JSON.stringify(e.metadata.actor ?? null),
        at,
        `${e.type} at ${at}.`,
      ];
    });
    after = events[events.length - 1].position;
    yield { timeline, summaries: [...last.values()], checkpoint: serializePosition(after) };
  }
}

/** The yardstick's tables are the library's own (the rebuild's generation, indexes built at the end). */
async function tablesOf(db: Kysely<ReadModelTables>) {
  const tag = indexTag('next');
  await createTables(db, 'next', { indexes: false, tag });
  return () => createSummaryIndexes(db, 'next', tag);
}

/** Events per second of the bare SQLite write path, on a fresh file. */
export async function rawSqlite(store: EventStore, file: string, batchSize: number): Promise<number> {
  // The library's file settings and tables, then nothing of the library: bare statements.
  const read = await openReadStore({ sqliteFile: file });
  const db = read.sqlite!.db;
  const buildIndexes = await tablesOf(read.db);
  const insertTimeline = db.prepare(
    `INSERT INTO rm_timeline_next VALUES (${Object.keys(TIMELINE_COLUMNS)
      .map(() => '?')
      .join(', ')}) ON CONFLICT DO NOTHING`,
  );
  const upsert = db.prepare(
    `INSERT INTO rm_case_summary_next (${SUMMARY_COLUMNS.join(', ')}) VALUES (${SUMMARY_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (case_id) DO UPDATE SET ${SUMMARY_VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const checkpoint = db.prepare(
    "INSERT INTO rm_checkpoints (name, position, updated_at) VALUES (?, ?, '') ON CONFLICT (name) DO UPDATE SET position = excluded.position",
  );
  const write = db.transaction((b: Batch) => {
    for (const row of b.timeline) insertTimeline.run(...row);
    for (const row of b.summaries) upsert.run(...row);
    checkpoint.run('raw', b.checkpoint);
  });
  const started = process.hrtime.bigint();
  let n = 0;
  for await (const b of batches(store, batchSize)) {
    write(b);
    n += b.timeline.length;
  }
  await buildIndexes();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await read.close();
  return n / seconds;
}

/** Events per second of the bare PostgreSQL write path (unnest multi-row inserts), in its own schema. */
export async function rawPostgres(store: EventStore, url: string, schema: string, batchSize: number): Promise<number> {
  const read = await openReadStore({ databaseUrl: url, schema });
  const buildIndexes = await tablesOf(read.db);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET search_path = "${schema}"`);
  const unnest = (columns: Record<string, string>) =>
    Object.values(columns)
      .map((t, i) => `$${i + 1}::${t}[]`)
      .join(', ');
  const timelineSql = `INSERT INTO rm_timeline_next SELECT * FROM unnest(${unnest(TIMELINE_COLUMNS)}) ON CONFLICT DO NOTHING`;
  const summarySql = `INSERT INTO rm_case_summary_next (${SUMMARY_COLUMNS.join(', ')}) SELECT * FROM unnest(${unnest(SUMMARY_TYPES)}) ON CONFLICT (case_id) DO UPDATE SET ${SUMMARY_VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  const columnsOf = (rows: unknown[][], width: number) =>
    Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
  const started = process.hrtime.bigint();
  let n = 0;
  for await (const b of batches(store, batchSize)) {
    await client.query('BEGIN');
    await client.query({ name: 'raw-timeline', text: timelineSql, values: columnsOf(b.timeline, 7) });
    await client.query({
      name: 'raw-summary',
      text: summarySql,
      values: columnsOf(b.summaries, SUMMARY_COLUMNS.length),
    });
    await client.query({
      name: 'raw-checkpoint',
      text: "INSERT INTO rm_checkpoints (name, position, updated_at) VALUES ($1, $2, '') ON CONFLICT (name) DO UPDATE SET position = excluded.position",
      values: ['raw', b.checkpoint],
    });
    await client.query('COMMIT');
    n += b.timeline.length;
  }
  await buildIndexes();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.query(`DROP SCHEMA "${schema}" CASCADE`);
  await client.end();
  await read.close();
  return n / seconds;
}
