/**
 * `npm run bench:privacy` — what encrypting personal data costs: commands through the command
 * path and a rebuild of the read models, each with sealed personal fields and, as the yardstick
 * in the same run, with the same data stored in clear (the engine before encryption). Writes
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
const ROUNDS = QUICK ? 1 : 3;

interface Figures {
  commands: number;
  commandSeconds: number;
  events: number;
  rebuildSeconds: number;
}

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
    const started = process.hrtime.bigint();
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
    const commandSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rebuildStarted = process.hrtime.bigint();
    const events = await rebuildReadModels(engine.store, engine.read);
    const rebuildSeconds = Number(process.hrtime.bigint() - rebuildStarted) / 1e9;
    return { commands, commandSeconds, events, rebuildSeconds };
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The best of the rounds, alternating sealed and clear so both see the same machine. */
async function best(): Promise<{ sealed: Figures; clear: Figures }> {
  let sealed: Figures | null = null;
  let clear: Figures | null = null;
  const faster = (a: Figures | null, b: Figures, key: 'commandSeconds' | 'rebuildSeconds') =>
    a && a[key] <= b[key] ? a[key] : b[key];
  for (let round = 0; round < ROUNDS; round++) {
    const s = await measure(true);
    const c = await measure(false);
    sealed = sealed
      ? {
          ...s,
          commandSeconds: faster(sealed, s, 'commandSeconds'),
          rebuildSeconds: faster(sealed, s, 'rebuildSeconds'),
        }
      : s;
    clear = clear
      ? { ...c, commandSeconds: faster(clear, c, 'commandSeconds'), rebuildSeconds: faster(clear, c, 'rebuildSeconds') }
      : c;
  }
  return { sealed: sealed!, clear: clear! };
}

async function main() {
  const { sealed, clear } = await best();
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
      note: `${((slower - 1) * 100).toFixed(1)} % slower; best of ${ROUNDS}`,
    };
  };
  const rows = [
    row(
      `commands with sealed personal fields (${sealed.commands} commands, ${CASES} cases)`,
      'commands/s',
      perSecond(sealed.commands, sealed.commandSeconds),
      perSecond(clear.commands, clear.commandSeconds),
    ),
    row(
      `rebuild of sealed events (${sealed.events} events)`,
      'events/s',
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
