import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { createEventStore } from '@app/event-store';
import { openReadStore, rebuildReadModels } from '@app/read-models';
import { loadConfig } from '@app/case-runtime';

/**
 * Rebuilds every read model from position zero into fresh tables and swaps them in; a running
 * API keeps serving the old tables until the swap, then its projector carries on.
 */
export const rebuildCommand = new Command('rebuild')
  .description('Rebuild the read models from the event store (embedded default, or EVENTSTORE_URL / DATABASE_URL)')
  .action(async () => {
    const config = loadConfig();
    const store = createEventStore({ eventstoreUrl: config.eventstoreUrl, sqliteFile: config.sqliteFile });
    const { databaseUrl, schema, sqliteFile } = config.readModels;
    const read = await openReadStore(databaseUrl ? { databaseUrl, schema } : { sqliteFile });
    const bar = new SingleBar(
      { format: 'rebuilding |{bar}| {percentage}% | {value} events | {eta_formatted} left' },
      Presets.shades_classic,
    );
    const started = Date.now();
    let began = false;
    try {
      const projected = await rebuildReadModels(store, read, ({ projected: n, position, head }) => {
        // Progress by log position: positions are not dense, but they grow with the log.
        const total = head ? Number(head.commit) : n;
        if (!began) {
          bar.start(Math.max(total, 1), 0);
          began = true;
        }
        bar.setTotal(Math.max(total, 1));
        bar.update(Math.min(Number(position.commit), total), { value: n });
      });
      if (began) bar.stop();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `Rebuilt from ${projected} events in ${seconds.toFixed(1)} s (${Math.round(projected / Math.max(seconds, 0.001))} events/s) and swapped in.\n`,
      );
    } finally {
      await read.close();
      await store.close();
    }
  });
