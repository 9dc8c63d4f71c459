/** Counts of answers by status (or `no answer`), printed as one table row. */
export class StatusCounts {
  readonly counts = new Map<string, number>();

  add(status: number | string): void {
    const key = String(status);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  of(status: number | string): number {
    return this.counts.get(String(status)) ?? 0;
  }

  /** How many answers were 5xx. */
  get serverErrors(): number {
    return [...this.counts.entries()].filter(([k]) => /^5\d\d$/.test(k)).reduce((a, [, n]) => a + n, 0);
  }

  toString(): string {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k}×${n}`)
      .join(' ');
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints a titled table to stdout, so the figures stand in CI's log whether the tests pass or not. */
export function printTable(title: string, header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const text = [``, `### reliability: ${title}`, line(header), rule, ...cells.slice(1).map(line), ``].join('\n');
  process.stdout.write(`${text}\n`);
}

/** A seeded generator (mulberry32) for the parts that are not fast-check properties: kills, jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
