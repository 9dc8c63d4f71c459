/**
 * The relay alone in a process of its own, for the crash tests: the test kills it (`kill -9`) and
 * starts it again. Reads the SQLite event store at SQLITE_FILE, keeps its checkpoint in the
 * SQLite file at CHECKPOINT_FILE, publishes to RABBITMQ_URL's exchange BILLING_EXCHANGE.
 */
import { SqliteEventStore } from '@app/event-store';
import { openSqlDatabase } from '@app/sql';
import { BillingRelay, RelayCheckpoints } from '../src';

async function main() {
  const env = process.env;
  const store = new SqliteEventStore({ file: env.SQLITE_FILE!, pollIntervalMs: 20 });
  const { db } = await openSqlDatabase({ sqliteFile: env.CHECKPOINT_FILE! });
  const relay = new BillingRelay(store, new RelayCheckpoints(db), {
    url: env.RABBITMQ_URL!,
    exchange: env.BILLING_EXCHANGE!,
    batch: Number(env.RELAY_BATCH ?? 200),
    pollMs: 100,
    backoff: { initialMs: 50, maxMs: 500 },
    log: (level, message) => process.stderr.write(`${level}: ${message}\n`),
  });
  relay.start();
  process.stdout.write('relay started\n');
  process.on('SIGTERM', () => void relay.stop().then(() => process.exit(0)));
}

void main();
