/**
 * The live projector's catch-up from nothing, in a process of its own with Node's default flags
 * (as the API runs it), for bench:projections: prints its figures as one JSON line.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { openReadStore } from '../src';
import { catchUpWhileServing } from './live-projection';

async function main() {
  const [events, dir, seconds] = process.argv.slice(2);
  const store = new SqliteEventStore({ file: events });
  const read = await openReadStore({ sqliteFile: join(dir, 'live.sqlite') });
  const result = await catchUpWhileServing(store, read, Number(seconds));
  await read.close();
  await store.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
