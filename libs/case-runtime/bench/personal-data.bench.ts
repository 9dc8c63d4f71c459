/**
 * `npm run bench:privacy` — what encrypting personal data costs: commands through the command
 * path and a rebuild of the read models, each with sealed personal fields and, as the yardstick
 * in the same run, with the same data stored in clear (the engine before encryption), in CPU
 * time, the cases interleaved day by day and cached as the runtime caches them. Writes
 * `bench/results/privacy.json`. BENCH_CASES sets the size (default 2 000 cases, ~30 000 events).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseHistoryCommands, caseHistoryDay } from '@app/case-domain/testing';
import { rebuildReadModels } from '@app/read-models';
import { caseIdFor } from '../src/commands/ids';
import { TestEngine } from '../testing';

const QUICK = process.env.BENCH_QUICK === '1';
const CASES = Number(process.env.BENCH_CASES ?? (QUICK ? 200 : 2_000));
const ROUNDS = QUICK ? 2 : 5;

/** Seconds of this process's CPU (user and system): steadier than the wall clock beside other work. */
interface Figures {
  commands: number;
  commandSeconds: number;
  events: number;
  rebuildSeconds: number;
}

const cpuSecondsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/** Runs every case's commands through the command path, cases interleaved day by day, then rebuilds. */
async function measure(sealing: boolean): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), `privacy-bench-${sealing ? 'sealed' : 'clear'}-`));
  const engine = await TestEngine.open(dir, { now: caseHistoryDay(0), sealing });
  try {
    const cases = Array.from({ length: CASES }, (_, i) => {
      const reference = `B-${i}`;
      return caseHistoryCommands(caseIdFor('creditor-a', reference), reference);
    });
    const caseIds = cases.map((c) => (c[0].data as { caseId: string }).caseId);
    const days = [...new Set(cases[0].map((c) => c.day))];
    let commands = 0;
    const started = process.cpuUsage();
    for (const day of days) {
      engine.clock.set(caseHistoryDay(day));
      for (const [i, script] of cases.entries()) {
        for (const { day: on, ...command } of script) {
          if (on !== day) continue;
          const outcome = await engine.run(caseIds[i], command);
          if (outcome.kind !== 'accepted') throw new Error(`${command.type}: ${JSON.stringify(outcome)}`);
          commands += 1;
        }
      }
    }
    const commandSeconds = cpuSecondsSince(started);
    const rebuildStarted = process.cpuUsage();
    const events = await rebuildReadModels(engine.store, engine.read);
    const rebuildSeconds = cpuSecondsSince(rebuildStarted);
    return { commands, commandSeconds, events, rebuildSeconds };
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The median of the rounds, sealed and clear alternating (and which goes first), so both see the same machine. */
async function rounds(): Promise<{ sealed: Figures; clear: Figures }> {
  const runs: Record<'sealed' | 'clear', Figures[]> = { sealed: [], clear: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const sealing of round % 2 === 0 ? [true, false] : [false, true]) {
      runs[sealing ? 'sealed' : 'clear'].push(await measure(sealing));
    }
  }
  const typical = (all: Figures[]): Figures => ({
    ...all[0],
    commandSeconds: median(all.map((f) => f.commandSeconds)),
    rebuildSeconds: median(all.map((f) => f.rebuildSeconds)),
  });
  return { sealed: typical(runs.sealed), clear: typical(runs.clear) };
}

async function main() {
  const { sealed, clear } = await rounds();
  const perSecond = (n: number, s: number) => Math.round(n / s);
  const row = (figure: string, unit: string, value: number, yardstick: number) => {
    const slower = yardstick / value;
    return {
      group: 'personal data',
      figure,
      value,
      unit,
      yardstick: `the same with personal data in clear (no encryption), same run`,
      yardstickValue: yardstick,
      ratio: Number((value / yardstick).toFixed(2)),
      target: 'at most 10 % slower (ratio >= 0.91)',
      met: slower <= 1.1,
      note: `${((slower - 1) * 100).toFixed(1)} % more CPU; median of ${ROUNDS} rounds`,
    };
  };
  const rows = [
    row(
      `commands with sealed personal fields (${sealed.commands} commands, ${CASES} cases)`,
      'commands per CPU-second',
      perSecond(sealed.commands, sealed.commandSeconds),
      perSecond(clear.commands, clear.commandSeconds),
    ),
    row(
      `rebuild of sealed events (${sealed.events} events)`,
      'events per CPU-second',
      perSecond(sealed.events, sealed.rebuildSeconds),
      perSecond(clear.events, clear.rebuildSeconds),
    ),
  ];
  console.table(
    rows.map(({ figure, value, unit, yardstickValue, ratio, met, note }) => ({
      figure,
      value,
      unit,
      clear: yardstickValue,
      ratio,
      met,
      note,
    })),
  );
  const out = join(process.cwd(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'privacy.json'), `${JSON.stringify(rows, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
