import { Command } from 'commander';
import { verifyStoredCases } from '@app/read-models';
import { withEngine } from './engine';

/**
 * Replays every case from its stored bytes without a key and checks it comes to the summary the
 * read models hold. Exit code 1 when a case does not fold or differs.
 */
export const verifyCommand = new Command('verify')
  .description('Replay every case from the stored events (no keys needed) and check the read models agree')
  .action(async () => {
    await withEngine(async ({ store, read }) => {
      const report = await verifyStoredCases(store, read);
      process.stdout.write(
        `Replayed ${report.cases} case(s), ${report.events} event(s), from their stored bytes: ` +
          `${report.agreeing} agree with the read models, ${report.differing.length} differ, ` +
          `${report.unfoldable.length} do not fold, ${report.behind.length} have events the read models have not seen yet.\n`,
      );
      for (const d of report.differing) process.stdout.write(`  differs  ${d.caseId}: ${d.columns.join(', ')}\n`);
      for (const u of report.unfoldable)
        process.stdout.write(`  does not fold  ${u.caseId} at revision ${u.revision}: ${u.error}\n`);
      if (report.differing.length > 0 || report.unfoldable.length > 0) process.exitCode = 1;
    });
  });
