import { loadConfig } from './config/app-config';
import { createApp } from './bootstrap';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, '127.0.0.1');
  const url = `http://127.0.0.1:${config.port}`;
  const store = config.eventstoreUrl
    ? `EventStoreDB at ${config.eventstoreUrl}`
    : `embedded SQLite at ${config.sqliteFile}`;
  process.stdout.write(
    [
      '',
      `  Case engine listening on ${url}  (${store}; clock: ${config.clock})`,
      `  API docs:      ${url}/docs`,
      `  Health:        ${url}/health`,
      `  A dev token:   npm run token -- caseworker     (or: creditor --creditor-id c-1 | auditor | billing)`,
      `  Then:          curl -H "Authorization: Bearer <token>" ${url}/cases/<id>`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`The engine could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
