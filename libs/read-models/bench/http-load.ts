import http from 'node:http';
import { readFileSync } from 'node:fs';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU (user + system) per request, from /proc of its process. */
  serverCpuMs: number;
}

/** The CPU a process has used so far, in ms (Linux /proc: utime + stime). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

/**
 * A closed-loop load: `concurrency` clients on keep-alive connections, each sending its next GET
 * as soon as the last answered, for `seconds` (after a warm-up). Latencies are the client's.
 */
export async function load(options: {
  url: string;
  paths: () => string;
  token: string;
  concurrency: number;
  seconds: number;
  warmUpSeconds: number;
  serverPid: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const base = new URL(options.url);
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(
        { host: base.hostname, port: base.port, path, agent, headers: { authorization: `Bearer ${options.token}` } },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
    });
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          const status = await get(options.paths());
          if (record) latencies.push(performance.now() - started);
          if (status !== 200) errors += 1;
        }
      }),
    );
    return { latencies, errors };
  };
  await run(options.warmUpSeconds, false);
  const cpu = processCpuMs(options.serverPid);
  const started = performance.now();
  const { latencies, errors } = await run(options.seconds, true);
  const elapsed = (performance.now() - started) / 1000;
  const serverCpu = processCpuMs(options.serverPid) - cpu;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    errors,
    serverCpuMs: serverCpu / Math.max(latencies.length, 1),
  };
}
