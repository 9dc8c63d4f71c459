import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openReadStore, type ReadStore } from '../src';

/**
 * The read stores a test runs on: SQLite in memory always, PostgreSQL too when DATABASE_URL is
 * set (as CI sets it), each opening in a schema of its own, dropped after the file's tests.
 */
export function readStores(what: string): Array<[string, () => Promise<ReadStore>]> {
  const stores: Array<[string, () => Promise<ReadStore>]> = [
    ['SQLite', () => openReadStore({ sqliteFile: ':memory:' })],
  ];
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.warn(`${what} on PostgreSQL are skipped: DATABASE_URL is not set (.ci/run sets it).`);
    return stores;
  }
  const schemas: string[] = [];
  stores.push([
    'PostgreSQL',
    () => {
      const schema = `rm_test_${randomUUID().slice(0, 8)}`;
      schemas.push(schema);
      return openReadStore({ databaseUrl: url, schema });
    },
  ]);
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  return stores;
}

/** Every summary and timeline row, in a fixed order, to compare a projection with a rebuild. */
export async function snapshot(read: ReadStore) {
  const summaries = await read.db.selectFrom('rm_case_summary').selectAll().orderBy('case_id').execute();
  const timeline = await read.db.selectFrom('rm_timeline').selectAll().orderBy('case_id').orderBy('revision').execute();
  return { summaries, timeline };
}
