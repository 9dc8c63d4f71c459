import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CaseSpec } from '@app/case-domain/testing';
import { newEventId, SqliteEventStore } from '@app/event-store';
import { CaseProjector, CaseQueries, openReadStore, type ReadStore } from '@app/read-models';
import { loadConfig } from '@app/case-runtime';
import { projectionsCommand } from './projections.command';
import { runCommand } from '../test/run-command';

const schema = `rm_cli_${randomUUID().slice(0, 8)}`;
const stores: Array<[string, Record<string, string>]> = [['SQLite', { DATABASE_URL: '' }]];
if (process.env.DATABASE_URL)
  stores.push(['PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL, READ_MODELS_SCHEMA: schema }]);
else console.warn('The projections CLI on PostgreSQL is skipped: DATABASE_URL is not set (.ci/run sets it).');

afterAll(async () => {
  if (!process.env.DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

/** Runs `cli projections <args>` as the program would; returns what it printed and its exit code. */
const cli = (...args: string[]) => runCommand(projectionsCommand, args);

describe.each(stores)('cli projections on %s', (_, env) => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-projections-'));
  const saved = { ...process.env };
  let events: SqliteEventStore;
  let read: ReadStore;
  beforeAll(async () => {
    Object.assign(process.env, { SQLITE_FILE: join(dir, 'engine.sqlite'), ...env });
    const config = loadConfig();
    events = new SqliteEventStore({ file: config.sqliteFile });
    const { databaseUrl, schema: readSchema, sqliteFile } = config.readModels;
    read = await openReadStore(databaseUrl ? { databaseUrl, schema: readSchema } : { sqliteFile });
  });
  afterAll(async () => {
    await read?.close();
    await events?.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a case parked by a bug since fixed and one whose stored event cannot be folded, when an operator lists and retries them, then the first is recovered and the second still fails (exit code 1)', async () => {
    for (const caseId of ['k1', 'k2', 'k3']) {
      const spec = CaseSpec.given({ caseId, creditorId: 'creditor-a', creditorReference: `INV-${caseId}` });
      const history = spec.history.map((e) => ({ id: newEventId(), type: e.type, data: e.data, metadata: {} }));
      await events.append(`case-${caseId}`, history, { expectedRevision: 'no_stream' });
    }
    const unfoldable = {
      id: newEventId(),
      type: 'PaymentRegistered',
      data: { at: '2025-03-04T09:00:00.000Z' },
      metadata: {},
    };
    await events.append('case-k3', [unfoldable], { expectedRevision: 'any' });
    await new CaseProjector(events, read, {
      onEvent: (e) => {
        if (e.streamId === 'case-k2' && e.revision === 1n) throw new Error('bug in the fold');
      },
    }).catchUp();

    const listed = await cli('parked');
    expect(listed.out).toMatch(/^k2 .*revision 1.*bug in the fold$/m);
    expect(listed.out).toMatch(/^k3 .*at PaymentRegistered/m);

    const retried = await cli('retry-parked');
    expect(retried.out).toMatch(/^recovered {2}k2$/m);
    expect(retried.out).toMatch(/^still fails {2}k3 .*PaymentRegistered.*2 attempt\(s\)/m);
    expect(retried.exitCode).toBe(1);
    expect((await new CaseQueries(read).timeline('k2')).length).toBe((await events.readStream('case-k2')).length);

    expect((await cli('parked')).out).not.toMatch(/^k2 /m);
    expect(await cli('retry-parked', '--case', 'k2')).toEqual({ out: 'Case k2 is not parked.\n', exitCode: 0 });
  });
});
