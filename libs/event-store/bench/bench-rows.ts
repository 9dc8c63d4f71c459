import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One figure, in the shared result format the bench aggregator reads (bench/results/<name>.json). */
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

export const QUICK = process.env.BENCH_QUICK === '1';

export const ratio = (value: number, yardstick: number) => Math.round((value / yardstick) * 100) / 100;

/** Prints the rows as a table and writes them to bench/results/<name>.json at the repository root. */
export function report(name: string, rows: BenchRow[]): void {
  console.table(
    rows.map((r) => ({
      figure: r.figure,
      value: `${Math.round(r.value)} ${r.unit}`,
      yardstick: r.yardstick ? `${Math.round(r.yardstickValue ?? 0)} (${r.yardstick})` : '',
      ratio: r.ratio ?? '',
      target: r.target ?? '',
      met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    })),
  );
  const dir = join(__dirname, '../../../bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`written to bench/results/${name}.json`);
}
