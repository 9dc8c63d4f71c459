import { Command, Option } from 'commander';
import { eraseSubject, exportSubjectData, reportClearData, runRetention } from '@app/case-runtime';
import { withEngine } from './engine';

const print = (line: string) => process.stdout.write(`${line}\n`);

const eraseCommand = new Command('erase')
  .description("Erase a debtor's personal data: destroy their key and record the erasure in each of their cases")
  .argument('<debtorId>', 'the debtor (data subject)')
  .requiredOption(
    '--reason <text>',
    "the agency's reference for the record, e.g. a ticket number (never the debtor's data)",
  )
  .action(async (debtorId: string, options: { reason: string }) => {
    await withEngine(async ({ personalData, operator, correlationId }) => {
      const outcome = await eraseSubject(personalData, {
        subjectId: debtorId,
        basis: 'request',
        reason: options.reason,
        principal: operator,
        correlationId,
      });
      if (outcome.kind === 'notFound') {
        print(outcome.message);
        process.exitCode = 1;
      } else if (outcome.kind === 'refused') {
        print(`Not erased. ${outcome.message}`);
        process.exitCode = 1;
      } else {
        print(
          `Debtor ${debtorId}: personal data erased${outcome.keyDestroyedNow ? '' : ' (already, at ' + outcome.erasedAt + ')'}; ` +
            `recorded in ${outcome.cases.length} case(s).`,
        );
        for (const c of outcome.cases)
          print(`  ${c.caseId}  ${c.recorded === 'now' ? 'recorded now' : 'recorded before'}`);
      }
    });
  });

const retentionCommand = new Command('retention')
  .description(
    'List (dry run) or erase (--apply) the debtors whose every case has been closed beyond the retention period',
  )
  .option('--apply', 'erase them; without it, only list what would be erased')
  .action(async (options: { apply?: boolean }) => {
    await withEngine(async ({ personalData, operator, correlationId }) => {
      const report = await runRetention(personalData, {
        apply: options.apply === true,
        retentionYears: personalData.retentionYears,
        principal: operator,
        correlationId,
        onSubject: (s, outcome) =>
          print(
            `${outcome ? (outcome.kind === 'erased' ? 'erased    ' : `not erased (${outcome.message})`) : 'would erase'}  ` +
              `${s.subjectId}  (${s.cases} case(s), last closed ${s.lastClosedOn})`,
          ),
      });
      print(
        `${options.apply ? 'Erased' : 'Would erase'} ${options.apply ? report.erased : report.subjects} debtor(s) ` +
          `whose cases all closed on or before ${report.closedBy} ` +
          `(kept ${personalData.retentionYears} years after the accounting year; today ${report.today}).` +
          (options.apply ? '' : ' Run with --apply to erase them.'),
      );
      if (report.undated > 0) {
        print(
          `${report.undated} closed case(s) have no closing date in the read models (summaries from before it was kept): ` +
            'run `npm run rebuild`, then this again, to include their debtors.',
        );
      }
      if (report.refused > 0) process.exitCode = 1;
    });
  });

const checkCommand = new Command('check')
  .description('Report the personal data stored in clear (written before encryption)')
  .action(async () => {
    await withEngine(async ({ store }) => {
      const report = await reportClearData(store);
      print(
        `personal data in clear: ${report.clearValues} value(s) in ${report.casesWithClearData} case(s) ` +
          `(of ${report.events} events read).`,
      );
      for (const [type, n] of Object.entries(report.clearByType)) print(`  ${type}: ${n}`);
      if (report.clearValues > 0) {
        print(
          'They are read as they are, and as erased once their debtor is erased; the events that hold them cannot be rewritten.',
        );
      }
    });
  });

const exportCommand = new Command('export')
  .description('Print everything held about a debtor (GDPR art. 15), as JSON')
  .argument('<debtorId>', 'the debtor (data subject)')
  .addOption(new Option('--compact', 'one line of JSON'))
  .action(async (debtorId: string, options: { compact?: boolean }) => {
    await withEngine(async ({ personalData }) => {
      const held = await exportSubjectData(personalData, debtorId);
      if (!held) {
        print(`No data is held about debtor ${debtorId}.`);
        process.exitCode = 1;
        return;
      }
      print(JSON.stringify(held, null, options.compact ? 0 : 2));
    });
  });

export const privacyCommand = new Command('privacy')
  .description("Debtors' personal data: erasure, the retention run, the access export, the clear-data check")
  .addCommand(eraseCommand)
  .addCommand(retentionCommand)
  .addCommand(exportCommand)
  .addCommand(checkCommand);
