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
      value: `${round(r.value)} ${r.unit}`,
      yardstick: r.yardstick ? `${round(r.yardstickValue ?? 0)} (${r.yardstick})` : '',
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

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

/**
 * Memory while a long run goes: the resident set's peak (sampled every 100 ms and at each
 * checkpoint) and the live heap at checkpoints, after a full collection when the bench runs with
 * --expose-gc (else heapUsed counts garbage not yet collected, which says little).
 */
export class MemoryWatch {
  readonly startRss: number;
  readonly startHeap: number;
  peakRss: number;
  readonly liveHeap: number[] = [];
  readonly rssAt: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor() {
    global.gc?.();
    const m = process.memoryUsage();
    this.startRss = this.peakRss = m.rss;
    this.startHeap = m.heapUsed;
    this.timer = setInterval(() => this.samplePeak(), 100);
  }

  private samplePeak() {
    this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
  }

  /** A checkpoint: the live heap now. */
  sample(): void {
    this.samplePeak();
    global.gc?.();
    const m = process.memoryUsage();
    this.liveHeap.push(m.heapUsed);
    this.rssAt.push(m.rss);
  }

  stop() {
    clearInterval(this.timer);
    const collected = typeof global.gc === 'function';
    return {
      startRss: this.startRss,
      startHeap: this.startHeap,
      peakRss: this.peakRss,
      peakLiveHeap: Math.max(this.startHeap, ...this.liveHeap),
      /** The live heap halfway and at the end: flat when the second half adds nothing. */
      heapHalfway: this.liveHeap[Math.floor((this.liveHeap.length - 1) / 2)] ?? this.startHeap,
      liveHeap: this.liveHeap,
      rss: this.rssAt,
      heapAtEnd: this.liveHeap[this.liveHeap.length - 1] ?? this.startHeap,
      collected,
    };
  }
}

export const MB = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
