import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSubjectKeys, type SubjectKeysConfig } from '../src';
import { openPrivacyDb, type PrivacyDb } from '../src/db/connect';

export const NOW = '2026-12-01T09:00:00.000Z';

/** One database the key table lives in: open the key store on it, or look at its rows directly. */
export interface KeyDatabase {
  open(masterKey: Buffer, options?: Pick<SubjectKeysConfig, 'cache'>): ReturnType<typeof openSubjectKeys>;
  /** The table as an operator (or an attacker with a dump) sees it, without the key store. */
  raw(): Promise<PrivacyDb>;
}

/**
 * The databases a test runs on: an SQLite file always, PostgreSQL too when DATABASE_URL is set
 * (as CI sets it) in a schema of its own, dropped after the file's tests.
 */
export function keyDatabases(what: string): Array<[string, KeyDatabase]> {
  const dir = mkdtempSync(join(tmpdir(), 'pd-keys-'));
  const sqlite = { sqliteFile: join(dir, 'keys.db') };
  const databases: Array<[string, KeyDatabase]> = [['SQLite', database(sqlite)]];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.warn(`${what} on PostgreSQL are skipped: DATABASE_URL is not set (.ci/run sets it).`);
    return databases;
  }
  const schema = `pd_test_${randomUUID().slice(0, 8)}`;
  databases.push(['PostgreSQL', database({ databaseUrl: url, schema })]);
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  return databases;
}

function database(where: { databaseUrl?: string; sqliteFile?: string; schema?: string }): KeyDatabase {
  const opened: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });
  return {
    open: async (masterKey, options = {}) => {
      const keys = await openSubjectKeys({ ...where, ...options, masterKey, now: () => NOW });
      opened.push(keys);
      return keys;
    },
    raw: async () => {
      const db = await openPrivacyDb(where);
      opened.push({ close: () => db.destroy() });
      return db;
    },
  };
}
