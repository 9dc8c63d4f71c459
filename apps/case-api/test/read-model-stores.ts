import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The stores a read-model test runs on: SQLite always, PostgreSQL too when DATABASE_URL is set
 * (as CI sets it), in a schema of its own that is dropped after the file's tests.
 */
export function readModelStores(what: string): Array<[string, Record<string, string>]> {
  const stores: Array<[string, Record<string, string>]> = [['SQLite', {}]];
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.warn(`${what} on PostgreSQL are skipped: DATABASE_URL is not set (.ci/run sets it).`);
    return stores;
  }
  const schema = `rm_e2e_${randomUUID().slice(0, 8)}`;
  stores.push(['PostgreSQL', { DATABASE_URL: url, READ_MODELS_SCHEMA: schema }]);
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  return stores;
}
