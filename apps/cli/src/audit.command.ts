import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { resolve } from 'node:path';
import {
  anchorChain,
  buildExport,
  checkExport,
  checkMachine,
  isSound,
  machineOfModule,
  verifyStore,
  type StoreVerification,
} from '@app/audit';
import { createEventStore } from '@app/event-store';
import { ConfigError, loadConfig, signingKeyOf, SystemClock } from '@app/case-runtime';

/**
 * The auditor's tools: `verify` replays every stored case (or one) through the machine, the fee and
 * interest tables and the hash chain, and reports what does not hold. Exit code 1 on any finding.
 */
const verify = new Command('verify')
  .description(
    'Replay every stored case (or --case) and report broken chain links, revision gaps, illegal moves, ' +
      'fees or interest that do not recompute, timers fired twice or not at their time',
  )
  .option('--case <id>', 'verify this case only')
  .option('--json <file>', 'also write the full report as JSON to this file')
  .option('--no-progress', 'no progress bar')
  .action(async (options: { case?: string; json?: string; progress: boolean }) => {
    const config = loadConfig();
    const store = createEventStore({ eventstoreUrl: config.eventstoreUrl, sqliteFile: config.sqliteFile });
    const bar = new SingleBar(
      { format: 'verifying |{bar}| {percentage}% | {value} events | {cases} cases | {eta_formatted} left' },
      Presets.shades_classic,
    );
    const started = Date.now();
    let began = false;
    try {
      const [head] = await store.readAll({
        direction: 'backwards',
        maxCount: 1,
        filter: { streamPrefixes: ['case-'] },
      });
      const total = head ? Number(head.position.commit) : 1;
      const report = await verifyStore(store, {
        caseId: options.case,
        onProgress: ({ events, cases, position }) => {
          if (!options.progress || options.case) return;
          if (!began) bar.start(Math.max(total, 1), 0, { cases: 0 });
          began = true;
          // Progress by log position: positions are not dense, but they grow with the log.
          bar.update(position ? Math.min(Number(position.commit), total) : total, { value: events, cases });
        },
      });
      if (began) bar.stop();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(summaryOf(report, seconds));
      if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
      if (options.case && report.cases === 0) {
        process.stdout.write(`No case ${options.case} is stored.\n`);
        process.exitCode = 1;
      }
      if (!isSound(report)) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });

/** The summary table: totals, findings by kind, then each failing case with its first findings. */
export function summaryOf(report: StoreVerification, seconds: number): string {
  const rows: Array<[string, string]> = [
    ['cases', String(report.cases)],
    ['events', String(report.events)],
    ['events/s', String(Math.round(report.events / Math.max(seconds, 0.001)))],
    ['chained events', String(report.chain.chained)],
    ['unchained events (stored before the chain)', String(report.chain.unchained)],
    ['anchors checked', String(report.anchors.checked)],
    ['anchors that do not match', String(report.anchors.findings.length)],
    ['cases with findings', String(report.failing.length)],
    ...Object.entries(report.byKind).map(([kind, n]) => [`  ${kind}`, String(n)] as [string, string]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v.padStart(10)}`);
  for (const c of report.failing.slice(0, 50)) {
    lines.push(`case ${c.caseId} (${c.events} events, ${c.status ?? 'no handover'}):`);
    for (const f of c.findings.slice(0, 5)) lines.push(`  revision ${f.revision}  ${f.kind}: ${f.message}`);
    if (c.findings.length > 5) lines.push(`  … ${c.findings.length - 5} more`);
  }
  if (report.failing.length > 50) lines.push(`… ${report.failing.length - 50} more failing cases (see --json)`);
  for (const a of report.anchors.findings) lines.push(`anchor ${a.anchor}: ${a.message}`);
  lines.push(isSound(report) ? 'Verified: no findings.' : 'Findings: the record does not hold (exit code 1).');
  return `${lines.join('\n')}\n`;
}

const anchor = new Command('anchor')
  .description('Append an anchor over $all: the digest of every case event recorded since the last anchor')
  .action(async () => {
    const config = loadConfig();
    const store = createEventStore({ eventstoreUrl: config.eventstoreUrl, sqliteFile: config.sqliteFile });
    try {
      const anchored = await anchorChain(store, new SystemClock().now());
      process.stdout.write(
        anchored
          ? `Anchored ${anchored.events} event(s) up to ${anchored.upTo}: ${anchored.digest}\n`
          : 'Nothing recorded since the last anchor.\n',
      );
    } finally {
      await store.close();
    }
  });

const exportCase = new Command('export')
  .description("Write the case's whole history as a JSON document signed with AUDIT_SIGNING_KEY (Ed25519)")
  .argument('<case>', 'the case id')
  .option('--out <file>', 'write it here (default: case-<id>.export.json)')
  .action(async (caseId: string, options: { out?: string }) => {
    const config = loadConfig();
    if (!config.audit.signingKey) throw new ConfigError('AUDIT_SIGNING_KEY is required to sign an export.');
    const key = signingKeyOf(config.audit.signingKey);
    const store = createEventStore({ eventstoreUrl: config.eventstoreUrl, sqliteFile: config.sqliteFile });
    try {
      const stored = await store.readStream(`case-${caseId}`);
      if (stored.length === 0) {
        process.stdout.write(`No case ${caseId} is stored.\n`);
        process.exitCode = 1;
        return;
      }
      const doc = buildExport(caseId, stored, new SystemClock().now(), key);
      const out = options.out ?? `case-${caseId}.export.json`;
      writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
      process.stdout.write(
        `Exported ${doc.events.length} event(s) of case ${caseId} to ${out}, signed by ${doc.signature.publicKey}` +
          `${doc.verification.findings.length ? ` (with ${doc.verification.findings.length} finding(s))` : ''}.\n`,
      );
    } finally {
      await store.close();
    }
  });

const verifyExport = new Command('verify-export')
  .description('Check an export offline: its signature, and the chain of the events it carries')
  .argument('<file>', 'the export')
  .option('--public-key <base64>', 'the key it must be signed with (base64 SPKI DER, as printed by export)')
  .action((file: string, options: { publicKey?: string }) => {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      process.stdout.write(`Not a readable export: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    const check = checkExport(doc, options.publicKey);
    if (check.valid) {
      process.stdout.write(`Valid: signed by ${check.signedBy}; the chain of its events holds.\n`);
      if (!options.publicKey) process.stdout.write("Compare that key with the agency's, or pass --public-key.\n");
    } else {
      process.stdout.write(`Invalid:\n${check.problems.map((p) => `  ${p}`).join('\n')}\n`);
      process.exitCode = 1;
    }
  });

const checkMachineCommand = new Command('check-machine')
  .description(
    'Replay every stored history through a candidate machine module (exporting caseMachine) and list the cases ' +
      'it would refuse an event of or leave in another state; exit code 1 if any',
  )
  .argument('<module>', 'path to the candidate module (.ts or .js)')
  .action(async (module: string) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the candidate is named at run time
    const candidate = machineOfModule(require(resolve(process.cwd(), module)));
    const config = loadConfig();
    const store = createEventStore({ eventstoreUrl: config.eventstoreUrl, sqliteFile: config.sqliteFile });
    try {
      const report = await checkMachine(store, candidate);
      const versions = Object.entries(report.versions)
        .map(([v, n]) => `${v}: ${n} case(s)`)
        .join(', ');
      const lines = [
        `Replayed ${report.cases} case(s), ${report.events} event(s), written by machine ${versions || 'unknown'}.`,
        `${report.noLongerReplay.length} would no longer replay, ${report.endElsewhere.length} would end in another state.`,
        ...report.noLongerReplay.map(
          (c) => `  no longer replays  ${c.caseId}: revision ${c.revision} ${c.type} refused in ${c.state}`,
        ),
        ...report.endElsewhere.map((c) => `  ends elsewhere     ${c.caseId}: ${c.now} -> ${c.candidate}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      if (report.noLongerReplay.length + report.endElsewhere.length > 0) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });

export const auditCommand = new Command('audit')
  .description('Audit: verify the stored record, anchor it')
  .addCommand(verify)
  .addCommand(anchor)
  .addCommand(exportCase)
  .addCommand(verifyExport)
  .addCommand(checkMachineCommand);
