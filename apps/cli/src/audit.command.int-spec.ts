import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CASE_MACHINE_VERSION } from '@app/case-domain';
import { TestEngine } from '@app/case-runtime/testing';
import { auditCommand } from './audit.command';
import { runCommand } from '../test/run-command';

/** `npm run audit -- verify`: a store the engine wrote verifies; one edited behind its back does not. */
describe('cli audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-audit-'));
  const env = TestEngine.env(dir, { JWT_SECRET: 'cli-audit-secret-0123456789abcdef0123' });
  const cli = (...args: string[]) => runCommand(auditCommand, args, env);
  const { privateKey } = generateKeyPairSync('ed25519');
  const signingKey = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const signing = (...args: string[]) => runCommand(auditCommand, args, { ...env, AUDIT_SIGNING_KEY: signingKey });
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

  it('exports a case as a signed document that checks offline, and fails once a byte of it is altered', async () => {
    const file = join(dir, 'case.export.json');
    const exported = await signing('export', ids[0], '--out', file);
    expect(exported.exitCode).toBe(0);
    const publicKey = /signed by (\S+?)\.?\n/.exec(exported.out)![1];
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'case-export/1', caseId: ids[0], verification: { findings: [] } });
    expect(doc.events.length).toBeGreaterThan(1);

    const good = await cli('verify-export', file, '--public-key', publicKey);
    expect(good).toEqual({ out: expect.stringContaining('Valid: signed by'), exitCode: 0 });
    const otherKey = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'der', type: 'spki' })
      .toString('base64');
    expect((await cli('verify-export', file, '--public-key', otherKey)).exitCode).toBe(1);

    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"amount": ') + '"amount": '.length;
    const altered = join(dir, 'altered.export.json');
    writeFileSync(altered, text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1));
    const bad = await cli('verify-export', altered);
    expect(bad.exitCode).toBe(1);
    expect(bad.out).toContain('the signature does not match the document');
  });

  it('refuses to export without AUDIT_SIGNING_KEY, naming it', async () => {
    await expect(cli('export', ids[0])).rejects.toThrow('AUDIT_SIGNING_KEY is required');
  });

  it('given a candidate machine in which a whole-claim objection no longer holds collection, then check-machine lists the case it changes (exit 1); the machine in force changes none', async () => {
    const engine = await TestEngine.open(dir, { now: '2025-03-05T09:00:00.000Z', env });
    const objected = await engine.handOver({ creditorReference: 'AUD-OBJ' });
    const outcome = await engine.run(objected, {
      type: 'RegisterObjection',
      data: { debtorStatement: 'Never ordered', channel: 'written' },
    });
    expect(outcome.kind).toBe('accepted');
    await engine.close();

    const changed = await cli('check-machine', 'apps/cli/test/candidate-machine.ts');
    expect(changed.exitCode).toBe(1);
    expect(changed.out).toContain(`written by machine ${CASE_MACHINE_VERSION}: 4 case(s)`);
    expect(changed.out).toContain(`ends elsewhere     ${objected}`);
    expect(changed.out).not.toContain(ids[0]);

    const same = await cli('check-machine', 'libs/case-domain/src/machine/case-machine.ts');
    expect(same.exitCode).toBe(0);
    expect(same.out).toContain('0 would no longer replay, 0 would end in another state.');
    await expect(cli('check-machine', 'apps/cli/test/run-command.ts')).rejects.toThrow('exports no XState machine');
  });
});
