import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src';
import { describeEventStoreContract, event } from './contract';

describeEventStoreContract(
  'SQLite (:memory:)',
  async () => new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 }),
);

for (const synchronous of ['full', 'normal'] as const) {
  describe(`SQLite on a file, synchronous=${synchronous}`, () => {
    const dir = mkdtempSync(join(tmpdir(), `es-${synchronous}-`));
    let files = 0;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    describeEventStoreContract(
      `SQLite file (synchronous=${synchronous})`,
      async () => new SqliteEventStore({ file: join(dir, `${files++}.sqlite`), pollIntervalMs: 20, synchronous }),
    );
  });
}

describe('SQLite on a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what it acknowledged across a reopen, and sees another connection’s appends in a live subscription', async () => {
    const file = join(dir, 'events.sqlite');
    const writer = new SqliteEventStore({ file });
    await writer.append('case-1', [event('A')], { expectedRevision: 'no_stream' });
    const reader = new SqliteEventStore({ file, pollIntervalMs: 10 });
    const seen: string[] = [];
    const sub = reader.subscribeToAll(
      (e) => {
        seen.push(e.type);
      },
      { from: 'start' },
    );
    await writer.append('case-1', [event('B')], { expectedRevision: 0n });
    for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await sub.stop();
    expect(seen).toEqual(['A', 'B']);
    await writer.close();
    await reader.close();
    const reopened = new SqliteEventStore({ file });
    expect((await reopened.readStream('case-1')).map((e) => e.type)).toEqual(['A', 'B']);
    expect(reopened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await reopened.close();
  });
});
