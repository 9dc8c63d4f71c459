import { Command } from 'commander';
import { createEventStore, type EventStore } from '@app/event-store';
import { listParked, openReadStore, retryParked, type ParkedStream, type ReadStore } from '@app/read-models';
import { loadConfig } from '@app/case-runtime';

/** The configured event store and read models, closed after `work` whatever it does. */
async function withStores<T>(work: (store: EventStore, read: ReadStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = createEventStore({ eventstoreUrl: config.eventstoreUrl, sqliteFile: config.sqliteFile });
  const { databaseUrl, schema, sqliteFile } = config.readModels;
  try {
    const read = await openReadStore(databaseUrl ? { databaseUrl, schema } : { sqliteFile });
    try {
      return await work(store, read);
    } finally {
      await read.close();
    }
  } finally {
    await store.close();
  }
}

function describeParked(p: ParkedStream): string {
  return `${p.caseId}  at ${p.eventType} (revision ${p.revision}, position ${p.position}), since ${p.parkedAt}, ${p.attempts} attempt(s): ${p.error}`;
}

const parkedCommand = new Command('parked')
  .description('List the case streams the projection parked on an event it could not project')
  .action(async () => {
    await withStores(async (_, read) => {
      const parked = await listParked(read);
      if (parked.length === 0) process.stdout.write('No parked streams.\n');
      for (const p of parked) process.stdout.write(`${describeParked(p)}\n`);
    });
  });

/**
 * After a fix: refolds each parked stream up to the projector's checkpoint, writes its rows and
 * un-parks it; a running projector takes its later events from there. Exit code 1 if any still fail.
 */
const retryCommand = new Command('retry-parked')
  .description('Refold parked case streams (after a fix) and un-park those that now project')
  .option('--case <id>', 'only this case')
  .action(async (options: { case?: string }) => {
    await withStores(async (store, read) => {
      const report = await retryParked(store, read, { caseId: options.case });
      if (report.recovered.length === 0 && report.stillFailing.length === 0) {
        process.stdout.write(options.case ? `Case ${options.case} is not parked.\n` : 'No parked streams.\n');
      }
      for (const caseId of report.recovered) process.stdout.write(`recovered  ${caseId}\n`);
      for (const p of report.stillFailing) process.stdout.write(`still fails  ${describeParked(p)}\n`);
      if (report.stillFailing.length > 0) process.exitCode = 1;
    });
  });

export const projectionsCommand = new Command('projections')
  .description('The read-model projection: parked case streams and their retry')
  .addCommand(parkedCommand)
  .addCommand(retryCommand);
