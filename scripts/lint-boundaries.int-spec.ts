import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const ESLINT = join(ROOT, 'node_modules/.bin/eslint');

/** The rules ESLint reports for `code` as if it stood at `filePath` in the tree. */
function rulesBrokenBy(filePath: string, code: string): string[] {
  let output: string;
  try {
    output = execFileSync(ESLINT, ['--stdin', '--stdin-filename', filePath, '-f', 'json'], {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit code 1: problems found
  }
  const [result] = JSON.parse(output) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const ZONES = /^import\/no-restricted-paths: /;

describe('the lint rules keep the rooms apart', () => {
  it('refuses an app importing another app', () => {
    const broken = rulesBrokenBy(
      'apps/case-worker/src/probe.ts',
      "export { AppModule } from '../../case-api/src/app.module';\n",
    );
    expect(broken.some((r) => ZONES.test(r) && /never another app/.test(r))).toBe(true);
  });

  it('refuses a library importing an app', () => {
    const code = "export { AppModule } from '../../../apps/case-api/src/app.module';\n";
    expect(
      rulesBrokenBy('libs/read-models/src/probe.ts', code).some((r) => ZONES.test(r) && /never imports an app/.test(r)),
    ).toBe(true);
  });

  it('refuses the case domain anything but xstate: no other library, no Node', () => {
    const store = rulesBrokenBy(
      'libs/case-domain/src/probe.ts',
      "export { SqliteEventStore } from '@app/event-store';\n",
    );
    expect(store.some((r) => /imports nothing but xstate/.test(r))).toBe(true);
    const fs = rulesBrokenBy('libs/case-domain/src/probe.ts', "export { readFileSync } from 'node:fs';\n");
    expect(fs.some((r) => /imports nothing but xstate/.test(r))).toBe(true);
    expect(rulesBrokenBy('libs/case-domain/src/probe.ts', "export { setup } from 'xstate';\n")).toEqual([]);
  });

  it("refuses a test reaching into another library's tests or benchmarks", () => {
    const code = "export * from '../../../libs/event-store/test/contract';\n";
    expect(
      rulesBrokenBy('apps/case-api/test/probe.ts', code).some((r) => ZONES.test(r) && /their library's own/.test(r)),
    ).toBe(true);
  });

  it("accepts an app importing libraries by their public names, and a library's test drivers", () => {
    const code = [
      "export { CaseRuntimeModule } from '@app/case-runtime';",
      "export { EsdbProtocolFake } from '@app/event-store/testing';",
      '',
    ].join('\n');
    expect(rulesBrokenBy('apps/case-api/test/probe.ts', code)).toEqual([]);
  });
});
