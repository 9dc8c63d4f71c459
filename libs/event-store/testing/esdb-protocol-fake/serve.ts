import { EsdbProtocolFake } from './esdb-protocol-fake';

/**
 * The protocol fake as a standalone server: the compose test's STAND-IN for EventStoreDB, which
 * cannot run here. Not EventStoreDB (see EsdbProtocolFake for what it leaves out).
 * ESDB_STAND_IN_PORT (2113), ESDB_STAND_IN_FILE (in memory when unset).
 */
async function main() {
  const fake = await new EsdbProtocolFake({
    file: process.env.ESDB_STAND_IN_FILE || undefined,
    host: '127.0.0.1',
    port: Number(process.env.ESDB_STAND_IN_PORT ?? 2113),
  }).start();
  process.stdout.write(`EventStoreDB STAND-IN (a protocol fake, not EventStoreDB) at ${fake.connectionString}\n`);
  const stop = () => void fake.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`The EventStoreDB stand-in could not start: ${String(error)}\n`);
  process.exit(1);
});
