import { spawn } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(30_000);

/** A process whose graceful shutdown never ends: its SIGTERM handler starts work that does not finish. */
const HANGING = `
  require(${JSON.stringify(join(__dirname, 'shutdown-deadline'))}).exitWithinGrace();
  process.on('SIGTERM', () => { /* a close that never resolves */ });
  setInterval(() => undefined, 1000);
  process.stdout.write('ready\\n');
`;

describe('a shutdown that hangs', () => {
  it('still ends the process once the grace period has run out, saying why', async () => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', HANGING], {
      cwd: join(__dirname, '../../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve()),
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(stderr).toContain('SIGTERM: the graceful shutdown took longer than 4500 ms');
  });
});
