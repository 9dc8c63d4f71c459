import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import {
  ConfigError,
  EngineMetrics,
  EventStoreHealth,
  exitWithinGrace,
  loadConfig,
  ProjectionLag,
  startTracing,
} from '@app/case-runtime';
import { portOf, startOpsServer } from './ops-server';
import { WorkerModule } from './worker.module';

/** Beside an API on 3000 on a developer's machine; a container sets PORT (the image: 3000). */
const DEFAULT_OPS_PORT = 3001;

async function main() {
  const config = loadConfig();
  const tracing = startTracing(config, 'case-worker');
  // JSON lines as the API writes them; the worker's own lines carry the events' correlation ids.
  const logger = pino({ level: config.logLevel, base: { service: 'case-worker' } });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, {}, logger), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  exitWithinGrace();
  const port = process.env.PORT ? config.port : DEFAULT_OPS_PORT;
  const ops = await startOpsServer(
    { lag: app.get(ProjectionLag), eventStore: app.get(EventStoreHealth), metrics: app.get(EngineMetrics) },
    config.host,
    port,
  ).catch((error: Error) => {
    // The projector and the timers are the worker's job; without its health route it still does it.
    logger.error({ err: error }, `The worker's /health and /metrics could not listen on ${config.host}:${port}`);
    return undefined;
  });
  process.once('SIGTERM', () => {
    ops?.close();
    void tracing?.shutdown();
  });
  const store = config.eventstoreUrl ? 'EventStoreDB' : `SQLite at ${config.sqliteFile}`;
  const relay = config.billing.rabbitmqUrl ? `, billing relay to exchange ${config.billing.exchange}` : '';
  const where = ops ? `; /health and /metrics on http://${config.host}:${portOf(ops)}` : '';
  process.stdout.write(`Case worker running: projector and timer service${relay} on ${store}${where}.\n`);
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`The worker could not start: ${message}\n`);
  process.exit(1);
});
