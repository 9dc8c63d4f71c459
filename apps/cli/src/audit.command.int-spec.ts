import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TestEngine } from '@app/case-runtime/testing';
import { auditCommand } from './audit.command';
import { runCommand } from '../test/run-command';

/** `npm run audit -- verify`: a store the engine wrote verifies; one edited behind its back does not. */
describe('cli audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-audit-'));
  const env = TestEngine.env(dir, { JWT_SECRET: 'cli-audit-secret-0123456789abcdef0123' });
  const cli = (...args: string[]) => runCommand(auditCommand, args, env);
  const ids: string[] = [];

  beforeAll(async () => {
    const engine = await TestEngine.open(dir, { now: '2025-03-03T09:00:00.000Z', env });
    for (let i = 0; i < 3; i++) ids.push(await engine.handOver({ creditorReference: `AUD-${i}` }));
    await engine.withdraw(ids[1]);
    await engine.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given the engine’s own history, then it reports no findings, prints the summary and writes the JSON report (exit code 0)', async () => {
    const json = join(dir, 'report.json');
    expect((await cli('anchor')).out).toMatch(/^Anchored \d+ event\(s\) up to /);
    expect((await cli('anchor')).out).toBe('Nothing recorded since the last anchor.\n');
    const { out, exitCode } = await cli('verify', '--no-progress', '--json', json);
    expect(out).toMatch(/anchors checked\s+1\n/);
    expect(exitCode).toBe(0);
    expect(out).toMatch(/cases\s+3\n/);
    expect(out).toContain('Verified: no findings.');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report).toMatchObject({ cases: 3, failing: [], chain: { unchained: 0 } });
    expect(report.chain.chained).toBe(report.events);
  });

  it('given one stored event altered, then it names the case and revision and exits 1; --case verifies that case alone', async () => {
    const db = new Database(env.SQLITE_FILE);
    db.prepare(
      `UPDATE es_events SET data = replace(data, '"at":"2025', '"at":"2024') WHERE stream_id = ? AND revision = 1`,
    ).run(`case-${ids[2]}`);
    db.close();
    const all = await cli('verify', '--no-progress');
    expect(all.exitCode).toBe(1);
    expect(all.out).toContain(`case ${ids[2]}`);
    expect(all.out).toMatch(/revision 1\s+chainBroken: revision 1 does not hash to its link/);
    const one = await cli('verify', '--case', ids[0]);
    expect(one.exitCode).toBe(0);
    expect(one.out).toMatch(/cases\s+1\n/);
    const missing = await cli('verify', '--case', '00000000-0000-4000-8000-000000000000');
    expect(missing.exitCode).toBe(1);
  });
});
