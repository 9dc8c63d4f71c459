import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../case-api/src/config/app-config';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  const store = config.eventstoreUrl ? `EventStoreDB at ${config.eventstoreUrl}` : `SQLite at ${config.sqliteFile}`;
  process.stdout.write(`Case worker running: projector and timer service on ${store}.\n`);
}

main().catch((error) => {
  process.stderr.write(`The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
