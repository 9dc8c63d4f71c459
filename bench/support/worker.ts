import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux). */
const TICKS = 100;

export interface BenchWorker {
  child: ChildProcess;
  /** The worker process's CPU time so far (user + system), in µs, from /proc. */
  cpuMicros(): number;
  stop(): Promise<void>;
}

/** The case worker (projector and timers, `npm run worker`) as its own process, from the TypeScript sources. */
export function startWorker(env: Record<string, string>): Promise<BenchWorker> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/case-worker/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        ...env,
        WORKERS: 'separate',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it ran`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('Case worker running')) return;
      resolve({
        child,
        cpuMicros: () => {
          // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
          const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1e6;
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
