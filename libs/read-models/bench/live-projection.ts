import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SqliteEventStore } from '@app/event-store';
import type { RealisticAppend } from '@app/case-domain/testing';
import { CaseProjector, type ReadStore } from '../src';

/**
 * A long catch-up by the live projector, as on a first start on a large store: how long the
 * event loop is held at most (a health check waits that long), how fast it projects, and how
 * soon `stop()` returns when asked in the middle (the SIGTERM path).
 */
export async function catchUpWhileServing(store: SqliteEventStore, read: ReadStore, seconds: number) {
  const projector = new CaseProjector(store, read);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  projector.start();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const projected = projector.progress().projected;
  const catchingUp = projector.progress().catchingUp;
  const stopAsked = performance.now();
  await projector.stop();
  const stopMs = performance.now() - stopAsked;
  delay.disable();
  return {
    eventsPerSecond: projected / ((stopAsked - started) / 1000),
    catchingUp,
    maxStallMs: delay.max / 1e6,
    p99StallMs: delay.percentile(99) / 1e6,
    stopMs,
  };
}

/**
 * A steady stream of commands (realistic appends, `rate` a second) with the live projector
 * running (or not, for the yardstick): the lag from append to read-model commit, how many
 * events each batch took (a pass per commit would take one command's events), and the CPU the
 * process spent per command.
 */
export async function underLoad(
  store: SqliteEventStore,
  read: ReadStore | null,
  appends: readonly RealisticAppend[],
  rate: number,
  seconds: number,
) {
  const appendedAt = new Map<bigint, number>();
  const lags: number[] = [];
  const batchSizes: number[] = [];
  const projector =
    read &&
    new CaseProjector(store, read, {
      beforeCommit: (events) => {
        const now = performance.now();
        batchSizes.push(events.length);
        for (const e of events) {
          const t = appendedAt.get(e.position.commit);
          if (t !== undefined) lags.push(now - t);
        }
      },
    });
  await projector?.catchUp();
  batchSizes.length = 0;
  // The CPU of the projector's passes and of the appends, each measured around itself.
  let projectorCpu = 0;
  let appendCpu = 0;
  const cpuOf = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  if (projector) {
    const pass = projector.pass.bind(projector);
    projector.pass = async () => {
      const from = process.cpuUsage();
      try {
        return await pass();
      } finally {
        projectorCpu += cpuOf(from);
      }
    };
  }
  projector?.start();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let sent = 0;
  let events = 0;
  while (performance.now() - started < seconds * 1000 && sent < appends.length) {
    const due = Math.min(appends.length, Math.floor(((performance.now() - started) / 1000) * rate));
    for (; sent < due; sent++) {
      const a = appends[sent];
      const from = process.cpuUsage();
      const result = await store.append(a.streamId, a.events, { expectedRevision: a.expectedRevision });
      appendCpu += cpuOf(from);
      // Each event of the command is timed from its own append.
      const now = performance.now();
      for (let i = 0; i < a.events.length; i++)
        appendedAt.set(result.position.commit - BigInt(a.events.length - 1 - i), now);
      events += a.events.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  for (let i = 0; projector && i < 500 && lags.length < events; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const used = process.cpuUsage(cpu);
  await projector?.stop();
  lags.sort((a, b) => a - b);
  const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor(lags.length * p))] ?? NaN;
  return {
    commands: sent,
    events,
    p50: pct(0.5),
    p99: pct(0.99),
    eventsPerBatch: batchSizes.reduce((s, n) => s + n, 0) / Math.max(batchSizes.length, 1),
    batches: batchSizes.length,
    cpuMsPerCommand: (used.user + used.system) / 1000 / Math.max(sent, 1),
    projectorMsPerCommand: projectorCpu / Math.max(sent, 1),
    appendMsPerCommand: appendCpu / Math.max(sent, 1),
  };
}
