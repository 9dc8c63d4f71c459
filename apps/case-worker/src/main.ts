import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, exitWithinGrace, loadConfig } from '@app/case-runtime';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  exitWithinGrace();
  const store = config.eventstoreUrl ? 'EventStoreDB' : `SQLite at ${config.sqliteFile}`;
  const relay = config.billing.rabbitmqUrl ? `, billing relay to exchange ${config.billing.exchange}` : '';
  process.stdout.write(`Case worker running: projector and timer service${relay} on ${store}.\n`);
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`The worker could not start: ${message}\n`);
  process.exit(1);
});
