/**
 * `npm run bench` — every benchmark (each `bench:*` script of package.json, in its order), then
 * ONE table of every figure they wrote to bench/results/*.json, with its yardstick from the same
 * run, the ratio, the target and whether it is met; printed and written to bench/results/latest.md.
 * BENCH_QUICK=1 runs everything small. `npm run bench -- --table` runs nothing: it only builds the
 * table from the results present (after running one benchmark by itself), and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { QUICK, RESULTS_DIR, type BenchRow } from './support/results';

const ROOT = join(__dirname, '..');

/** Quick-mode sizes for the benchmarks that predate BENCH_QUICK (a variable already set wins). */
const QUICK_SIZES: Record<string, string> = { BENCH_STREAMS: '1000', BENCH_EVENTS: '30000', BENCH_LOAD_SECONDS: '2' };

interface Ran {
  script: string;
  ok: boolean;
  seconds: number;
  rows: number;
}

function benchScripts(): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  return Object.keys(scripts).filter((name) => name.startsWith('bench:'));
}

const resultFiles = () => (existsSync(RESULTS_DIR) ? readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json')) : []);

function run(script: string): Ran {
  const before = new Set(resultFiles());
  const env = { ...process.env };
  if (QUICK) for (const [name, value] of Object.entries(QUICK_SIZES)) env[name] ??= value;
  const started = performance.now();
  process.stdout.write(`\n=== npm run ${script}${QUICK ? ' (quick)' : ''}\n`);
  const result = spawnSync('npm', ['run', '-s', script], { cwd: ROOT, stdio: 'inherit', env });
  const written = resultFiles().filter((f) => !before.has(f));
  const rows = written.reduce(
    (n, f) => n + (JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as unknown[]).length,
    0,
  );
  return { script, ok: result.status === 0, seconds: (performance.now() - started) / 1000, rows };
}

const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

/** A figure as the table shows it: to the thousandth at most (a timing's float digits say nothing). */
const shown = (value: number | undefined) => (value === undefined ? '' : String(Math.round(value * 1000) / 1000));

function table(rows: BenchRow[]): string[][] {
  return rows.map((r) => [
    r.group,
    r.figure,
    `${shown(r.value)} ${r.unit}`,
    r.yardstick ? `${shown(r.yardstickValue)} (${r.yardstick})` : '',
    r.ratio === undefined ? '' : String(r.ratio),
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]);
}

const HEAD = ['group', 'figure', 'value', 'yardstick', 'ratio', 'target', 'met', 'note'];

function main() {
  const tableOnly = process.argv.includes('--table');
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Every figure in the table comes from this run: results of an earlier run are removed first.
  if (!tableOnly) for (const f of resultFiles()) rmSync(join(RESULTS_DIR, f));
  const loadBefore = loadavg()[0];
  const ran = tableOnly ? [] : benchScripts().map(run);
  const rows = resultFiles()
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as BenchRow[]);
  const body = table(rows);

  console.log('\n=== all figures');
  console.table(body.map((cells) => Object.fromEntries(HEAD.map((h, i) => [h, cells[i]]))));
  const unmet = rows.filter((r) => r.met === false);
  const lines = [
    '# Benchmarks: the latest `npm run bench`',
    '',
    `${new Date().toISOString()}${QUICK ? ' — **quick run (BENCH_QUICK=1): small sizes, figures indicative only**' : ''}` +
      `${tableOnly ? ' — **table rebuilt from the results present** (`--table`): not all from one run, each against its own yardstick' : ''}. ` +
      `${cpus().length} cores; 1-minute load ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end ` +
      '(other work on the machine inflates every timing: read the ratios, each against a yardstick of the same run).',
    '',
    '| benchmark | result | time | figures |',
    '|---|---|---|---|',
    ...ran.map(
      (r) =>
        `| \`npm run ${r.script}\` | ${r.ok ? 'ok' : '**failed**'} | ${r.seconds.toFixed(0)} s | ${
          r.rows || 'none written to bench/results (see its own output)'
        } |`,
    ),
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...body.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
    '',
    unmet.length
      ? `Targets not met in this run: ${unmet.map((r) => `${r.group} / ${r.figure}`).join('; ')}.`
      : 'Every target with a figure in this run is met.',
    '',
  ];
  writeFileSync(join(RESULTS_DIR, 'latest.md'), lines.join('\n'));
  console.log(`wrote bench/results/latest.md (${rows.length} figures from ${ran.length} benchmarks)`);
  if (ran.some((r) => !r.ok)) process.exitCode = 1;
}

main();
