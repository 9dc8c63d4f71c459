import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { realisticCases, type RealisticOptions } from '@app/case-domain/testing';

/**
 * An embedded event store file holding realistic, interleaved case histories, appended one
 * command at a time as the command path appends them. Kept in the temp folder under its seed and
 * size, so later runs reuse it (BENCH_FRESH=1 seeds again).
 */
export async function realisticStore(
  options: RealisticOptions & { seed: number },
): Promise<{ file: string; seconds: number }> {
  const size = options.events ? `${options.events}ev` : `${options.cases}cases`;
  const file = join(tmpdir(), `read-models-bench-${options.seed}-${size}.sqlite`);
  if (existsSync(file) && process.env.BENCH_FRESH !== '1') return { file, seconds: 0 };
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const started = Date.now();
  const store = new SqliteEventStore({ file: partial });
  let n = 0;
  for (const a of realisticCases(options)) {
    await store.append(a.streamId, a.events, { expectedRevision: a.expectedRevision });
    n += a.events.length;
    if (n % 200_000 < a.events.length) process.stdout.write(`  seeded ${n} events\n`);
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  renameSync(partial, file);
  return { file, seconds: (Date.now() - started) / 1000 };
}
