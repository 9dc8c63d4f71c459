import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openSqlDatabase } from '@app/sql';
import { RelayCheckpoints, type RelayRecord } from '../src';

const DATABASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `billing_cp_${randomUUID().slice(0, 8)}`;

const record = (over: Partial<RelayRecord> = {}): RelayRecord => ({
  name: 'rabbitmq:billing.events',
  cursor: '10/10',
  state: 'connected',
  error: null,
  published: 3,
  updatedAt: '2025-03-03T09:00:00.000Z',
  ...over,
});

describe.each([
  ['SQLite', () => openSqlDatabase({ sqliteFile: ':memory:' }), async () => undefined],
  [
    'PostgreSQL',
    () => openSqlDatabase({ databaseUrl: DATABASE, schema }),
    async (db: Awaited<ReturnType<typeof openSqlDatabase>>['db']) =>
      void (await sql.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).execute(db)),
  ],
] as const)('the relay checkpoint on %s', (_name, open, drop) => {
  it('given nothing saved, then none; given saves, then the last one, kept per relay', async () => {
    const { db } = await open();
    try {
      const checkpoints = new RelayCheckpoints(db);
      expect(await checkpoints.load('rabbitmq:billing.events')).toBeUndefined();
      await checkpoints.save(record());
      await checkpoints.save(record({ cursor: '42/42', state: 'backingOff', error: 'ECONNREFUSED', published: 7 }));
      await checkpoints.save(record({ name: 'rabbitmq:other', cursor: 'start' }));
      expect(await new RelayCheckpoints(db).load('rabbitmq:billing.events')).toEqual(
        record({ cursor: '42/42', state: 'backingOff', error: 'ECONNREFUSED', published: 7 }),
      );
      expect((await checkpoints.load('rabbitmq:other'))?.cursor).toBe('start');
    } finally {
      await drop(db);
      await db.destroy();
    }
  });
});
