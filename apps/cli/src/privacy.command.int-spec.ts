import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { caseHistory } from '@app/case-domain/testing';
import { TestEngine } from '@app/case-runtime/testing';
import { privacyCommand } from './privacy.command';
import { runCommand } from '../test/run-command';
import { verifyCommand } from './verify.command';

const cli = (command: Command, env: Record<string, string>, ...args: string[]) => runCommand(command, args, env);

describe('npm run privacy and npm run cli -- verify', () => {
  let dir: string;
  let engine: TestEngine;
  let env: Record<string, string>;
  let sealed: string;
  let legacy: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-privacy-'));
    env = TestEngine.env(dir);
    // The cases close in March 2025 of the simulated clock; the CLI's clock is the system's.
    engine = await TestEngine.open(dir, { now: '2025-03-03T09:00:00.000Z' });
    sealed = await engine.handOver({
      creditorReference: 'C-1',
      debtor: { id: 'd-sealed', name: 'Siri Sealed', kind: 'consumer', contact: { phone: '+4792222222' } },
    });
    await engine.withdraw(sealed);
    legacy = randomUUID();
    const events = caseHistory().map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.type === 'ClaimHandedOver' ? { ...e.data, caseId: legacy } : e.data,
      metadata: { schemaVersion: 2 },
    }));
    await engine.store.append(`case-${legacy}`, events, { expectedRevision: 'no_stream' });
  });

  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('check: reports the personal data stored in clear, with a count', async () => {
    const { out, exitCode } = await cli(privacyCommand, env, 'check');
    expect(exitCode).toBe(0);
    expect(out).toMatch(/personal data in clear: \d+ value\(s\) in 1 case\(s\)/);
    expect(out).toContain('ClaimHandedOver: 4');
  });

  it('export: prints everything held about a debtor as JSON, and refuses a debtor never seen', async () => {
    const { out } = await cli(privacyCommand, env, 'export', 'd-sealed', '--compact');
    const held = JSON.parse(out);
    expect(held).toMatchObject({ subjectId: 'd-sealed', personalData: { state: 'held' } });
    expect(held.cases[0].fields).toContainEqual(
      expect.objectContaining({ field: 'debtor.name', value: 'Siri Sealed' }),
    );
    expect(await cli(privacyCommand, env, 'export', 'nobody')).toEqual({
      out: 'No data is held about debtor nobody.\n',
      exitCode: 1,
    });
  });

  it('retention: a dry run lists the debtors past the period and changes nothing; --apply erases them', async () => {
    // Cases closed in 2025 are past a period that ends with the year before this one.
    const past = String(new Date().getUTCFullYear() - 2025 - 1);
    const kept = String(new Date().getUTCFullYear() - 2025);
    const notYet = await cli(privacyCommand, { ...env, PERSONAL_DATA_RETENTION_YEARS: kept }, 'retention');
    expect(notYet.out).toContain('Would erase 0 debtor(s)');
    const dry = await cli(privacyCommand, { ...env, PERSONAL_DATA_RETENTION_YEARS: past }, 'retention');
    expect(dry.out).toContain('would erase  d-sealed  (1 case(s), last closed 2025-03-03)');
    expect(dry.out).toContain('would erase  debtor-1');
    expect(dry.out).toContain('Run with --apply');
    expect((await engine.keys.status('d-sealed')).state).toBe('active');

    const applied = await cli(privacyCommand, { ...env, PERSONAL_DATA_RETENTION_YEARS: past }, 'retention', '--apply');
    expect(applied.exitCode).toBe(0);
    expect(applied.out).toContain('Erased 2 debtor(s)');
    expect((await engine.keys.status('d-sealed')).state).toBe('erased');
    expect((await engine.streams.read(sealed))[0].event).toMatchObject({ data: { debtor: { name: '[erased]' } } });
  });

  it('erase: needs a reason, and says what it did', async () => {
    const again = await cli(privacyCommand, env, 'erase', 'd-sealed', '--reason', 'GDPR art. 17 request 9');
    expect(again.out).toContain('Debtor d-sealed: personal data erased (already');
    expect((await cli(privacyCommand, env, 'erase', 'nobody', '--reason', 'x')).exitCode).toBe(1);
  });

  it('verify: every case replays from its stored bytes, without a key, to what the read models hold', async () => {
    const { out, exitCode } = await cli(verifyCommand, env);
    expect(out).toContain('Replayed 2 case(s)');
    expect(out).toContain('2 agree with the read models, 0 differ, 0 do not fold');
    expect(exitCode).toBe(0);
    // A read model that drifted from the events is caught.
    await engine.read.db.updateTable('rm_case_summary').set({ outstanding: 1 }).where('case_id', '=', sealed).execute();
    const drifted = await cli(verifyCommand, env);
    expect(drifted.out).toContain(`differs  ${sealed}: outstanding`);
    expect(drifted.exitCode).toBe(1);
  });
});
