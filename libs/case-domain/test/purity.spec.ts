import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the case domain stays pure', () => {
  const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports nothing but XState and its own modules (no NestJS, no Node I/O, no database)', () => {
    const imports = files.flatMap(({ path, text }) =>
      [...text.matchAll(/from '([^']+)'/g)].map((m) => ({ path, module: m[1] })),
    );
    const foreign = imports.filter(({ module }) => !module.startsWith('.') && module !== 'xstate');
    expect(foreign).toEqual([]);
  });

  it('never reads the clock: time comes in with the command', () => {
    const clockReads = files
      .filter(({ text }) => /Date\.now\(|new Date\(\)|performance\.now\(/.test(text))
      .map((f) => f.path);
    expect(clockReads).toEqual([]);
  });
});
