import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signDevToken, type Principal } from '@app/case-runtime';
import { HttpClient } from './http';

export const ROOT = resolve(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist/apps/case-api/src/main.js');
export const CLI = join(ROOT, 'dist/apps/cli/src/main.js');
export const SECRET = 'reliability-secret-0123456789abcdef-0123456789';

/** A scratch directory for one part's SQLite files; removed by `removeDir`. */
export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `reliability-${name}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function requireBuild(): void {
  if (!existsSync(MAIN) || !existsSync(CLI)) {
    throw new Error(`The built engine is missing (${MAIN}): run \`npm run build\` (npm run test:reliability does).`);
  }
}

export function tokenFor(principal: Principal): Promise<string> {
  return signDevToken(SECRET, principal);
}

export async function standardTokens() {
  return {
    caseworker: await tokenFor({ subject: 'rel-cw', role: 'caseworker' }),
    creditorA: await tokenFor({ subject: 'rel-cr-a', role: 'creditor', creditorId: 'creditor-a' }),
    creditorB: await tokenFor({ subject: 'rel-cr-b', role: 'creditor', creditorId: 'creditor-b' }),
    auditor: await tokenFor({ subject: 'rel-au', role: 'auditor' }),
    billing: await tokenFor({ subject: 'rel-bi', role: 'billing' }),
  };
}

/**
 * The built API (`node dist/apps/case-api/src/main.js`) as its own process on 127.0.0.1 and a
 * free port, on the SQLite files in `dir`. It can be started again on the same files after a
 * `kill -9`, as an orchestrator would.
 */
export class BuiltApi {
  private child?: ChildProcess;
  private output = '';
  url = '';
  client?: HttpClient;
  starts = 0;
  startMs: number[] = [];

  constructor(
    readonly dir: string,
    readonly env: Record<string, string> = {},
  ) {}

  get sqliteFile(): string {
    return join(this.dir, 'engine.sqlite');
  }

  get environment(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      SQLITE_FILE: this.sqliteFile,
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      CLOCK: 'simulated',
      // `SQLITE_SYNCHRONOUS=full npm run test:reliability` runs the suite with durable group commit.
      ...(process.env.SQLITE_SYNCHRONOUS ? { SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS } : {}),
      ...this.env,
    };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** What the process wrote (stdout and stderr), for a failure's message. */
  get log(): string {
    return this.output;
  }

  async start(timeoutMs = 20_000): Promise<HttpClient> {
    requireBuild();
    const started = performance.now();
    this.output = '';
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: this.environment, stdio: 'pipe' });
    this.child = child;
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the built API did not start in ${timeoutMs} ms:\n${this.output}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-20_000);
        const match = this.output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the built API exited (${code ?? signal}) before listening:\n${this.output}`));
      });
    });
    this.url = url;
    this.client?.close();
    this.client = new HttpClient(url);
    this.starts++;
    this.startMs.push(performance.now() - started);
    return this.client;
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut off. Resolves when it is gone. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM, and SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.signal('SIGTERM');
    clearTimeout(timer);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.client?.close();
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    await exited;
  }
}

/** `node dist/apps/cli/src/main.js rebuild` on the same files: the read models rebuilt from the events. */
export function cliRebuild(api: BuiltApi): { ms: number; output: string } {
  requireBuild();
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'rebuild'], {
    cwd: ROOT,
    env: api.environment,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) throw new Error(`cli rebuild failed (${run.status ?? run.signal}):\n${output}`);
  return { ms: performance.now() - started, output };
}
