import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What `apps/case-api/bench/bench-server.ts` serves and says over IPC (apps are not imported from here). */
export type BenchServerKind = 'app' | 'bare' | 'plumbed';
type BenchServerMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'cpu'; userMicros: number; systemMicros: number; rssBytes: number }
  | { kind: 'profiled'; file: string };

export interface CpuSample {
  micros: number;
  rssBytes: number;
}

export interface BenchServer {
  url: string;
  child: ChildProcess;
  /** The server process's own CPU time so far (user + system). */
  cpu(): Promise<CpuSample>;
  /** Starts a CPU profile in the server; `stop` writes it to `file`. */
  profile(): { stop(file: string): Promise<void> };
  /** SIGTERM, then how long the process took to exit (ms). */
  stop(signal?: NodeJS.Signals): Promise<number>;
}

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'apps/case-api/bench/bench-server.ts');

/** Starts an API (or a yardstick) as its own process, from the TypeScript sources as `npm start` runs them. */
export function startServer(kind: BenchServerKind, env: Record<string, string> = {}): Promise<BenchServer> {
  const child = fork(ENTRY, [], {
    cwd: ROOT,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: '0',
      DOCS: 'disabled',
      // The embedded default: read models and keys in SQLite beside the events, whatever the shell has set.
      DATABASE_URL: '',
      READ_MODELS_SCHEMA: '',
      ...env,
      BENCH_SERVER: kind,
    },
    // The request log goes nowhere, as it would to a log shipper: written, not kept.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code}) before listening`)));
    child.on('message', function listening(message: BenchServerMessage) {
      if (message.kind !== 'listening') return;
      child.off('message', listening);
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        child,
        cpu: () =>
          new Promise((done) => {
            child.on('message', function answer(m: BenchServerMessage) {
              if (m.kind !== 'cpu') return;
              child.off('message', answer);
              done({ micros: m.userMicros + m.systemMicros, rssBytes: m.rssBytes });
            });
            child.send('cpu');
          }),
        profile: () => {
          child.send('profile:start');
          return {
            stop: (file: string) =>
              new Promise<void>((done) => {
                child.on('message', function profiled(m: BenchServerMessage) {
                  if (m.kind !== 'profiled') return;
                  child.off('message', profiled);
                  done();
                });
                child.send(`profile:stop ${file}`);
              }),
          };
        },
        stop: async (signal = 'SIGTERM') => {
          const started = performance.now();
          child.kill(signal);
          await exited;
          return performance.now() - started;
        },
      });
    });
  });
}
