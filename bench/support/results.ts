import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One figure of a benchmark, as every benchmark writes it (bench/results/<name>.json; see bench/README.md). */
export interface BenchRow {
  group: string;
  figure: string;
  value: number;
  unit: string;
  yardstick?: string;
  yardstickValue?: number;
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export const RESULTS_DIR = join(__dirname, '..', 'results');

/** BENCH_QUICK=1: everything small, for a smoke check in well under a minute per benchmark. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** A scale knob: the variable when set, else the quick or the full default. */
export function knob(name: string, full: number, quick: number): number {
  const given = process.env[name];
  return given !== undefined && given !== '' ? Number(given) : QUICK ? quick : full;
}

export const ratioOf = (value: number, yardstick: number) =>
  yardstick > 0 ? Math.round((value / yardstick) * 100) / 100 : undefined;

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Prints the rows as a table and writes them for the aggregator. */
export function writeResults(name: string, rows: BenchRow[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify(rows, null, 2) + '\n');
  console.table(
    rows.map((r) => ({
      figure: r.figure,
      value: `${r.value} ${r.unit}`,
      yardstick: r.yardstick ? `${r.yardstickValue} (${r.yardstick})` : '',
      ratio: r.ratio ?? '',
      target: r.target ?? '',
      met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    })),
  );
  console.log(`wrote bench/results/${name}.json`);
}

/** How busy the machine was while a benchmark ran: the 1-minute load average over the cores. */
export function machineLoad(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof import('node:os');
  return `load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
}
