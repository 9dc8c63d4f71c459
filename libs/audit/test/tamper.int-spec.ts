import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CaseEvent } from '@app/case-domain';
import { realisticCases } from '@app/case-domain/testing';
import { SqliteEventStore } from '@app/event-store';
import { EventStoreCaseStreams, type PersonalDataVault } from '@app/case-runtime';
import { ClearVault } from '@app/case-runtime/testing';
import { anchorChain, verifyStore, type StoreVerification } from '@app/audit';

/**
 * Given realistic cases appended through the command path's one way into the store (which links
 * the chain), when someone edits the SQLite file behind the engine's back, then verification fails
 * at the event they touched.
 */
describe('tamper evidence on the SQLite file', () => {
  let dir: string;
  let file: string;
  let caseIds: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-tamper-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    const streams = new EventStoreCaseStreams(store, new ClearVault(undefined as never) as PersonalDataVault);
    const seen = new Set<string>();
    for (const append of realisticCases({ cases: 12, seed: 14 })) {
      seen.add(append.caseId);
      await streams.append(
        append.caseId,
        append.expectedRevision,
        append.events.map((e) => ({
          id: e.id,
          event: { type: e.type, data: e.data } as CaseEvent,
          metadata: e.metadata,
        })),
        'debtor',
      );
    }
    caseIds = [...seen];
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verify(): Promise<StoreVerification> {
    const store = new SqliteEventStore({ file });
    try {
      return await verifyStore(store, { page: 37 });
    } finally {
      await store.close();
    }
  }

  /** A case with enough events to tamper in the middle of it. */
  function longCase(db: Database.Database): { caseId: string; events: number } {
    const row = db
      .prepare(`SELECT stream_id, COUNT(*) AS n FROM es_events GROUP BY stream_id ORDER BY n DESC, stream_id LIMIT 1`)
      .get() as { stream_id: string; n: number };
    return { caseId: row.stream_id.slice('case-'.length), events: row.n };
  }

  it('finds nothing wrong with histories the engine wrote: every event chained, every move legal, every figure recomputed', async () => {
    const report = await verify();
    expect(report.cases).toBe(caseIds.length);
    expect(report.events).toBeGreaterThan(100);
    expect(report.failing).toEqual([]);
    expect(report.chain).toEqual({ chained: report.events, unchained: 0, casesWithUnchainedEvents: 0 });
  });

  it('names the event whose byte was altered in the file', async () => {
    const db = new Database(file);
    const { caseId } = longCase(db);
    const target = db
      .prepare(`SELECT data FROM es_events WHERE stream_id = ? AND revision = 3`)
      .get(`case-${caseId}`) as { data: string };
    db.close();
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from(target.data));
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from(target.data), at + 1)).toBe(-1);
    // One digit of the event's business time, inside the stored row: still valid JSON, still a date.
    const digit = at + target.data.indexOf('"at":"') + '"at":"20'.length;
    bytes[digit] = bytes[digit] === 0x35 ? 0x36 : 0x35;
    writeFileSync(file, bytes);

    const report = await verify();
    expect(report.failing.map((c) => c.caseId)).toEqual([caseId]);
    expect(report.failing[0].chain.firstBroken).toEqual({
      revision: '3',
      reason: expect.stringContaining('its stored content was altered'),
    });
  });

  it('names the place an event was deleted', async () => {
    const db = new Database(file);
    const { caseId } = longCase(db);
    db.prepare(`DELETE FROM es_events WHERE stream_id = ? AND revision = 4`).run(`case-${caseId}`);
    db.close();

    const [failing] = (await verify()).failing;
    expect(failing.caseId).toBe(caseId);
    expect(failing.chain.firstBroken).toEqual({
      revision: '5',
      reason: expect.stringContaining('removed, altered or moved'),
    });
    expect(failing.findings).toContainEqual({ kind: 'revisionGap', revision: '5', message: 'revision 4 is missing' });
  });

  it('names the first of two events swapped in place', async () => {
    const db = new Database(file);
    const { caseId } = longCase(db);
    const stream = `case-${caseId}`;
    const row = db.prepare(`SELECT event_id, type, data, metadata FROM es_events WHERE stream_id = ? AND revision = ?`);
    const [a, b] = [row.get(stream, 2), row.get(stream, 3)] as Array<Record<string, string>>;
    const put = db.prepare(
      `UPDATE es_events SET event_id = ?, type = ?, data = ?, metadata = ? WHERE stream_id = ? AND revision = ?`,
    );
    db.transaction(() => {
      // The event ids are unique: the second one steps aside while the first takes its place.
      put.run(`${b.event_id}-moving`, b.type, b.data, b.metadata, stream, 3);
      put.run(b.event_id, b.type, b.data, b.metadata, stream, 2);
      put.run(a.event_id, a.type, a.data, a.metadata, stream, 3);
    })();
    db.close();

    const [failing] = (await verify()).failing;
    expect(failing.caseId).toBe(caseId);
    expect(failing.chain.firstBroken?.revision).toBe('2');
  });

  it('given an anchor over $all, then a stream’s last event removed (which no link of the stream shows) fails the anchor', async () => {
    const store = new SqliteEventStore({ file });
    const anchored = await anchorChain(store, '2026-01-01T00:00:00.000Z');
    expect(await anchorChain(store, '2026-01-01T01:00:00.000Z')).toBeNull();
    await store.close();
    const clean = await verify();
    expect(clean.anchors).toEqual({ checked: 1, findings: [] });
    expect(anchored?.events).toBe(clean.events);

    const db = new Database(file);
    const { caseId, events } = longCase(db);
    db.prepare(`DELETE FROM es_events WHERE stream_id = ? AND revision = ?`).run(`case-${caseId}`, events - 1);
    db.close();
    const report = await verify();
    expect(report.failing).toEqual([]);
    expect(report.anchors.findings).toEqual([
      expect.objectContaining({ anchor: '0', message: expect.stringContaining('altered, removed or slipped in') }),
    ]);
  });

  it('reports events stored before the chain existed as unchained, not broken, and chains what follows them', async () => {
    rmSync(file);
    const store = new SqliteEventStore({ file });
    const streams = new EventStoreCaseStreams(store, new ClearVault(undefined as never) as PersonalDataVault);
    for (const append of realisticCases({ cases: 6, seed: 15 })) {
      const before = append.expectedRevision === 'no_stream' || append.expectedRevision < 3n;
      // Before the chain, the engine appended the events as they came, without a link.
      if (before) await store.append(append.streamId, append.events, { expectedRevision: append.expectedRevision });
      else
        await streams.append(
          append.caseId,
          append.expectedRevision,
          append.events.map((e) => ({
            id: e.id,
            event: { type: e.type, data: e.data } as CaseEvent,
            metadata: e.metadata,
          })),
          'debtor',
        );
    }
    await store.close();

    const report = await verify();
    expect(report.failing).toEqual([]);
    expect(report.chain.casesWithUnchainedEvents).toBe(report.cases);
    expect(report.chain.unchained).toBeGreaterThanOrEqual(3 * report.cases);
    expect(report.chain.chained).toBeGreaterThan(0);
    expect(report.chain.chained + report.chain.unchained).toBe(report.events);
  });
});
