import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { openSubjectKeys, SubjectErased } from '../src';
import { keyDatabases, NOW } from './stores';

const DATABASES = keyDatabases('Subject key tests');
const subject = () => `debtor-${randomUUID()}`;
const ERASURE = { at: '2026-12-02T10:00:00.000Z', reason: 'GDPR art. 17 request 118' };

describe.each(DATABASES)('subject keys on %s', (_, database) => {
  const master = randomBytes(32);

  it('creates a 32-byte key once and gives the same one after, also after reopening', async () => {
    const id = subject();
    const keys = await database.open(master);
    expect(await keys.existingKey(id)).toBeNull();
    expect(await keys.status(id)).toEqual({ state: 'unknown' });
    const key = await keys.keyFor(id);
    expect(key).toHaveLength(32);
    expect(await keys.keyFor(id)).toEqual(key);
    expect(await keys.existingKey(id)).toEqual(key);
    expect(await keys.status(id)).toEqual({ state: 'active', createdAt: NOW });
    expect(await (await database.open(master)).keyFor(id)).toEqual(key);
    expect(await (await database.open(master, { cache: { max: 0 } })).existingKey(id)).toEqual(key);
    expect(await keys.keyFor(subject())).not.toEqual(key);
  });

  it('hands out copies: a caller scribbling on its key does not change the next one', async () => {
    const id = subject();
    const keys = await database.open(master);
    const key = await keys.keyFor(id);
    const kept = Buffer.from(key);
    key.fill(0);
    expect(await keys.keyFor(id)).toEqual(kept);
  });

  it('stores the key wrapped, never raw', async () => {
    const id = subject();
    const key = await (await database.open(master)).keyFor(id);
    const row = await (
      await database.raw()
    )
      .selectFrom('pd_subject_keys')
      .selectAll()
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(row);
    expect(row.wrapped_key).toEqual(expect.any(String));
    for (const encoding of ['base64', 'hex', 'base64url'] as const) expect(text).not.toContain(key.toString(encoding));
    expect(text).not.toContain(master.toString('base64'));
    expect(row.master_key_id).toMatch(/^[0-9a-f]{8}$/);
    expect(row).toMatchObject({ created_at: NOW, erased_at: null, erase_reason: null });
  });

  it('says clearly when the configured master key is not the one that wrapped the key', async () => {
    const id = subject();
    await (await database.open(master)).keyFor(id);
    const wrong = await database.open(randomBytes(32));
    await expect(wrong.keyFor(id)).rejects.toThrow(
      /wrapped with master key [0-9a-f]{8}, but the configured master key/,
    );
    await expect(wrong.existingKey(id)).rejects.toThrow(/master key/);
  });

  it('refuses a wrapped key moved onto another subject', async () => {
    const [a, b] = [subject(), subject()];
    const keys = await database.open(master, { cache: { max: 0 } });
    await keys.keyFor(a);
    await keys.keyFor(b);
    const raw = await database.raw();
    const { wrapped_key } = await raw
      .selectFrom('pd_subject_keys')
      .select('wrapped_key')
      .where('subject_id', '=', a)
      .executeTakeFirstOrThrow();
    await raw.updateTable('pd_subject_keys').set({ wrapped_key }).where('subject_id', '=', b).execute();
    await expect(keys.keyFor(b)).rejects.toThrow(`The stored key of subject ${b} is corrupt or was tampered with`);
  });

  it('destroys the key on erasure and keeps a tombstone, so the key never comes back', async () => {
    const id = subject();
    const keys = await database.open(master);
    const other = await database.open(master, { cache: { max: 0 } });
    await keys.keyFor(id);
    expect(await keys.erase(id, ERASURE)).toBe('erased');
    expect(await keys.existingKey(id)).toBeNull();
    expect(await other.existingKey(id)).toBeNull();
    await expect(keys.keyFor(id)).rejects.toThrow(SubjectErased);
    await expect(other.keyFor(id)).rejects.toThrow(`Subject ${id} was erased at ${ERASURE.at}`);
    expect(await keys.status(id)).toEqual({
      state: 'erased',
      createdAt: NOW,
      erasedAt: ERASURE.at,
      reason: ERASURE.reason,
    });
    const row = await (
      await database.raw()
    )
      .selectFrom('pd_subject_keys')
      .selectAll()
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ wrapped_key: null, erased_at: ERASURE.at, erase_reason: ERASURE.reason });
    expect(await (await database.open(master)).existingKey(id)).toBeNull();
  });

  it('reports a second erasure without changing the first record', async () => {
    const id = subject();
    const keys = await database.open(master);
    await keys.keyFor(id);
    expect(await keys.erase(id, ERASURE)).toBe('erased');
    expect(await keys.erase(id, { at: '2027-01-01T00:00:00.000Z', reason: 'again' })).toBe('alreadyErased');
    expect(await keys.status(id)).toMatchObject({ erasedAt: ERASURE.at, reason: ERASURE.reason });
  });

  it('given a subject without a key (its data in clear, from before encryption), erasure leaves a tombstone', async () => {
    const id = subject();
    const keys = await database.open(master);
    expect(await keys.access(id)).toBeNull();
    expect(await keys.erase(id, ERASURE)).toBe('erased');
    expect(await keys.status(id)).toEqual({
      state: 'erased',
      createdAt: ERASURE.at,
      erasedAt: ERASURE.at,
      reason: ERASURE.reason,
    });
    expect(await keys.access(id)).toBe('erased');
    await expect(keys.keyFor(id)).rejects.toThrow(SubjectErased);
    expect(await keys.erase(id, ERASURE)).toBe('alreadyErased');
  });

  it('tells a reader whether it may open, must show erased, or has only values in clear', async () => {
    const id = subject();
    const keys = await database.open(master);
    const reader = await database.open(master, { cache: { max: 0 } });
    expect(await reader.access(id)).toBeNull();
    const key = await keys.keyFor(id);
    expect(await reader.access(id)).toEqual(key);
    expect(await keys.access(id)).toEqual(key);
    await keys.erase(id, ERASURE);
    expect(await keys.access(id)).toBe('erased');
    expect(await reader.access(id)).toBe('erased');
  });

  it('remembers a subject found without a key for a while, and asks the store again when told to', async () => {
    const id = subject();
    const reader = await database.open(master);
    const writer = await database.open(master);
    expect(await reader.access(id)).toBeNull();
    const key = await writer.keyFor(id);
    // The reader still remembers no key: a sealed value in hand is its cue to ask afresh.
    expect(await reader.access(id)).toBeNull();
    expect(await reader.access(id, { fresh: true })).toEqual(key);
    expect(await reader.access(id)).toEqual(key);
    await writer.erase(id, ERASURE);
    const other = subject();
    expect(await reader.access(other)).toBeNull();
    await reader.keyFor(other);
    expect(await reader.access(other)).toEqual(expect.any(Buffer));
  });

  it('erases whatever key a racing writer made for a new subject', async () => {
    for (let i = 0; i < 10; i++) {
      const id = subject();
      const [writer, eraser] = [await database.open(master), await database.open(master)];
      const [made, outcome] = await Promise.allSettled([writer.keyFor(id), eraser.erase(id, ERASURE)]);
      expect(outcome).toEqual({ status: 'fulfilled', value: 'erased' });
      // Either the key came first and was destroyed, or the tombstone came first and refused it.
      if (made.status === 'rejected') expect(made.reason).toBeInstanceOf(SubjectErased);
      expect(await (await database.open(master, { cache: { max: 0 } })).access(id)).toBe('erased');
    }
  });

  it('gives two stores racing for new subjects one and the same key each', async () => {
    const [a, b] = [await database.open(master), await database.open(master)];
    const ids = Array.from({ length: 25 }, subject);
    const pairs = await Promise.all(ids.map((id) => Promise.all([a.keyFor(id), b.keyFor(id)])));
    for (const [fromA, fromB] of pairs) expect(fromA).toEqual(fromB);
    expect(new Set(pairs.map(([key]) => key.toString('hex'))).size).toBe(ids.length);
    const rows = await (
      await database.raw()
    )
      .selectFrom('pd_subject_keys')
      .select('subject_id')
      .where('subject_id', 'in', ids)
      .execute();
    expect(rows).toHaveLength(ids.length);
    const fresh = await database.open(master, { cache: { max: 0 } });
    for (const [index, id] of ids.entries()) expect(await fresh.keyFor(id)).toEqual(pairs[index][0]);
  });
});

describe('subject keys in a database the engine already has open', () => {
  it('keep their table there and leave the database open when closed', async () => {
    const engine = new Database(':memory:');
    const keys = await openSubjectKeys({ sqlite: engine, masterKey: randomBytes(32), now: () => NOW });
    const key = await keys.keyFor('debtor-1');
    expect(engine.prepare('SELECT count(*) AS n FROM pd_subject_keys').get()).toEqual({ n: 1 });
    await keys.close();
    expect(engine.open).toBe(true);
    const again = await openSubjectKeys({ sqlite: engine, masterKey: randomBytes(32), now: () => NOW });
    await expect(again.keyFor('debtor-1')).rejects.toThrow(/master key/);
    expect(key).toHaveLength(32);
    engine.close();
  });
});
