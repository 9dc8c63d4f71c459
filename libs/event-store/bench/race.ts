import type { EventData } from '../src';

export type Append = { stream: string; revision: number; events: EventData[] };

/** Something that appends the chunks of a plan, timed against the others chunk by chunk. */
export interface Session {
  run(appends: Append[]): Promise<void> | void;
  close(): Promise<void> | void;
}

/**
 * Each session's rate in appends/s: the plan is cut into chunks, every session runs each chunk
 * in turn (the order rotating), and the median chunk time counts. Interleaving this finely lets
 * load from elsewhere on the machine fall on the contenders alike.
 */
export async function race(sessions: Session[], plan: Append[], chunk: number): Promise<number[]> {
  const times = sessions.map(() => [] as number[]);
  for (let k = 0; k * chunk < plan.length; k++) {
    const part = plan.slice(k * chunk, (k + 1) * chunk);
    for (let j = 0; j < sessions.length; j++) {
      const i = (j + k) % sessions.length;
      const start = process.hrtime.bigint();
      await sessions[i].run(part);
      times[i].push(Number(process.hrtime.bigint() - start) / 1e9 / part.length);
    }
  }
  for (const s of sessions) await s.close();
  return times.map((t) => Math.round(1 / median(t)));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function seconds(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}
