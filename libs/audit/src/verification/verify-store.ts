import {
  fromRawRow,
  SqliteEventStore,
  type EventStore,
  type Position,
  type RawRow,
  type RecordedEvent,
} from '@app/event-store';
import type { StoredText } from '../chain/chain-link';
import { AnchorFollower, readAnchors, type AnchorFinding } from '../anchor/anchor';
import type { CaseVerification, FindingKind } from './findings';
import { CaseVerifier, verifyCaseEvents } from './verify-case';

export interface StoreVerification {
  cases: number;
  events: number;
  /** Cases with at least one finding, each with all of its findings. */
  failing: CaseVerification[];
  /** How many findings of each kind, over the store. */
  byKind: Partial<Record<FindingKind, number>>;
  chain: { chained: number; unchained: number; casesWithUnchainedEvents: number };
  /** The anchors over `$all` checked (a whole-store pass only), and those that do not match. */
  anchors: { checked: number; findings: AnchorFinding[] };
}

export interface VerifyStoreOptions {
  /** One case instead of the whole store. */
  caseId?: string;
  /** Events per read of `$all`. */
  page?: number;
  onProgress?: (progress: { events: number; cases: number; position: Position | null }) => void;
}

const CASE_PREFIX = 'case-';

/**
 * Verifies every case in one pass over `$all` (each stream's events come in its own order within
 * it), keeping one verifier per case open: a read of the store, plus a fold and a hash per event.
 */
export async function verifyStore(store: EventStore, options: VerifyStoreOptions = {}): Promise<StoreVerification> {
  if (options.caseId) {
    const stored = await store.readStream(`${CASE_PREFIX}${options.caseId}`);
    options.onProgress?.({ events: stored.length, cases: 1, position: null });
    return summarise(stored.length ? [verifyCaseEvents(options.caseId, stored)] : []);
  }
  const verifiers = new Map<string, CaseVerifier>();
  const anchors = new AnchorFollower(await readAnchors(store));
  const page = options.page ?? 5_000;
  let after: Position | 'start' = 'start';
  let events = 0;
  for (;;) {
    const { read, texts } = await readCasePage(store, after, page);
    for (let k = 0; k < read.length; k++) {
      const e = read[k];
      let verifier = verifiers.get(e.streamId);
      if (!verifier) verifiers.set(e.streamId, (verifier = new CaseVerifier(e.streamId.slice(CASE_PREFIX.length))));
      verifier.add(e, texts?.[k]);
      anchors.add(e);
    }
    events += read.length;
    const last = read[read.length - 1];
    options.onProgress?.({ events, cases: verifiers.size, position: last ? last.position : null });
    if (read.length < page) break;
    after = last.position;
  }
  anchors.finish();
  const report = summarise([...verifiers.values()].map((v) => v.finish()));
  report.anchors = { checked: anchors.checked, findings: anchors.findings };
  return report;
}

const pageStatements = new WeakMap<SqliteEventStore, { all(after: number, limit: number): unknown[] }>();

/**
 * A page of case events after `after`. From the SQLite store, read here with the JSON texts as
 * stored beside the events, so the chain hashes them as they are instead of serialising each
 * event again (a seventh of a verification); from any other store, its `readAll`.
 */
async function readCasePage(
  store: EventStore,
  after: Position | 'start',
  page: number,
): Promise<{ read: RecordedEvent[]; texts: StoredText[] | null }> {
  if (!(store instanceof SqliteEventStore))
    return {
      read: await store.readAll({ after, maxCount: page, filter: { streamPrefixes: [CASE_PREFIX] } }),
      texts: null,
    };
  let statement = pageStatements.get(store);
  if (!statement) {
    statement = store.db
      .prepare(
        'SELECT position, stream_id, revision, event_id, type, data, metadata, created FROM es_events ' +
          'WHERE position > ? AND substr(stream_id, 1, ?) = ? ORDER BY position LIMIT ?',
      )
      .raw(true);
    const prepared = statement as unknown as { all(...params: unknown[]): unknown[] };
    statement = { all: (from, limit) => prepared.all(from, CASE_PREFIX.length, CASE_PREFIX, limit) };
    pageStatements.set(store, statement);
  }
  const rows = statement.all(after === 'start' ? 0 : Number(after.commit), page) as RawRow[];
  const read: RecordedEvent[] = new Array(rows.length);
  const texts: StoredText[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    read[k] = fromRawRow(r);
    texts[k] = { data: r[5], metadata: r[6] };
  }
  return { read, texts };
}

/** Whether the store holds: no case with a finding and no anchor that does not match. */
export const isSound = (report: StoreVerification) =>
  report.failing.length === 0 && report.anchors.findings.length === 0;

function summarise(cases: CaseVerification[]): StoreVerification {
  const report: StoreVerification = {
    cases: cases.length,
    events: 0,
    failing: [],
    byKind: {},
    chain: { chained: 0, unchained: 0, casesWithUnchainedEvents: 0 },
    anchors: { checked: 0, findings: [] },
  };
  for (const c of cases) {
    report.events += c.events;
    report.chain.chained += c.chain.chained;
    report.chain.unchained += c.chain.unchained;
    if (c.chain.unchained > 0) report.chain.casesWithUnchainedEvents += 1;
    if (c.findings.length === 0) continue;
    report.failing.push(c);
    for (const f of c.findings) report.byKind[f.kind] = (report.byKind[f.kind] ?? 0) + 1;
  }
  return report;
}
