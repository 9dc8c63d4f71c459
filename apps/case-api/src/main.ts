import type { AddressInfo } from 'node:net';
import { ConfigError, exitWithinGrace, loadConfig, startTracing } from '@app/case-runtime';
import { createApp } from './bootstrap';

async function main() {
  const config = loadConfig();
  // Before the app: its spans need the provider from the first request on.
  const tracing = startTracing(config, 'case-api');
  process.once('SIGTERM', () => void tracing?.shutdown());
  const app = await createApp(config);
  exitWithinGrace();
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const store = config.eventstoreUrl ? 'EventStoreDB' : `embedded SQLite at ${config.sqliteFile}`;
  process.stdout.write(
    [
      '',
      `  Case engine listening on ${url}  (${store}; clock: ${config.clock}; workers: ${config.workers})`,
      `  API docs:      ${url}/docs`,
      `  Health:        ${url}/health`,
      `  A dev token:   npm run token -- caseworker     (or: creditor --creditor-id c-1 | auditor | billing)`,
      `  Then:          curl -H "Authorization: Bearer <token>" ${url}/cases/<id>`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error) => {
  // A bad setting is one line naming it; anything else keeps its stack for whoever starts us.
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`The engine could not start: ${message}\n`);
  process.exit(1);
});
