/**
 * A CPU profile of the API under command load (not a benchmark: `npx ts-node -T -r
 * tsconfig-paths/register bench/http/profile.ts [payments|objections]`). Profiles the API's
 * process while it serves (not its start-up), sends the commands for BENCH_SECONDS, and prints where the server's CPU went:
 * self time by package or source file, and the top functions.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEV_SECRET, signDevToken } from '@app/case-runtime';
import { caughtUp, health, waitUntil } from '../support/health';
import { load } from '../support/load';
import { knob } from '../support/results';
import { Seeder, today } from '../support/seed';
import { startServer } from '../support/server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const ROOT = join(__dirname, '..', '..');

function where(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return path;
  return relative(ROOT, path);
}

function report(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const total = profile.samples.length;
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const place = where(node.callFrame.url);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${place}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => ({ share: `${((v / total) * 100).toFixed(1)} %`, k }));
  console.log('self time by package or file');
  console.table(top(byPlace, 40));
  console.log('top functions (self time)');
  console.table(top(byFunction, 40));
}

async function main() {
  const kind = process.argv[2] ?? 'payments';
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const file = join(dir, 'engine.sqlite');
  const seeder = new Seeder(file);
  const at = new Date().toISOString();
  const ids: string[] = [];
  const count = kind === 'payments' ? 2000 : knob('BENCH_SECONDS', 10, 3) * 2500;
  for (let i = 0; i < count; i++) ids.push((await seeder.handOver(`PR-${i}`, at)).caseId);
  await seeder.close();
  const app = await startServer('app', { SQLITE_FILE: file });
  await waitUntil(async () => caughtUp((await health(app.url)).body), 120_000, 250);
  const token = await signDevToken(DEV_SECRET, { subject: 'bench-cw', role: 'caseworker' });
  const day = today();
  const profiling = app.profile();
  const result = await load({
    url: app.url,
    connections: 64,
    seconds: knob('BENCH_SECONDS', 10, 3),
    token,
    request: (i) =>
      kind === 'payments'
        ? { path: `/cases/${ids[i % ids.length]}/payments`, body: { amount: 1, paidOn: day, reference: `P-${i}` } }
        : { path: `/cases/${ids[i % ids.length]}/objections`, body: { debtorStatement: 'No', channel: 'written' } },
  });
  console.log(`${kind}: ${result.perSecond} req/s, non-2xx ${result.non2xx}`);
  const profileFile = join(dir, 'commands.cpuprofile');
  await profiling.stop(profileFile);
  await app.stop();
  report(profileFile);
  if (process.env.BENCH_KEEP_PROFILE) copyFileSync(profileFile, process.env.BENCH_KEEP_PROFILE);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
