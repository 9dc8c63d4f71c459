/**
 * A server for the HTTP benchmarks (`bench/`), started as a child process with an IPC channel:
 * BENCH_SERVER=app is the API exactly as `npm start` builds it; `bare` and `plumbed` are the
 * yardsticks. It tells its port when listening, and its own CPU time when asked, so the
 * benchmark charges a request only with the server's CPU, not the load generator's.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { exitWithinGrace, loadConfig } from '@app/case-runtime';
import { createApp, httpAdapter, plumbHttp } from '../src/bootstrap';
import { createLogger } from '../src/logging/log-options';
import { YardstickModule } from './yardstick.module';

export type BenchServerKind = 'app' | 'bare' | 'plumbed';

export type BenchServerMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'cpu'; userMicros: number; systemMicros: number; rssBytes: number }
  | { kind: 'profiled'; file: string };

/** A CPU profile of a stretch of the run only (`profile:start` … `profile:stop <file>`), without the start-up. */
function profiler(send: (m: BenchServerMessage) => void) {
  const session = new Session();
  session.connect();
  return {
    start: () => session.post('Profiler.enable', () => session.post('Profiler.start')),
    stop: (file: string) =>
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(file, JSON.stringify(result.profile));
        send({ kind: 'profiled', file });
      }),
  };
}

async function main() {
  const kind = (process.env.BENCH_SERVER ?? 'app') as BenchServerKind;
  const config = loadConfig();
  let app: NestFastifyApplication;
  if (kind === 'app') app = await createApp(config);
  else if (kind === 'bare') {
    // Fastify as it comes, with Nest's own JSON parser: the floor under any route.
    app = await NestFactory.create(YardstickModule.bare(), new FastifyAdapter(), { logger: false });
  } else {
    const logger = createLogger(config);
    app = await NestFactory.create(YardstickModule.plumbed(config, logger), httpAdapter(logger), {
      bufferLogs: true,
      bodyParser: false,
    });
    plumbHttp(app, config);
  }
  if (kind === 'app') exitWithinGrace();
  await app.listen(config.port, config.host);
  const send = (message: BenchServerMessage) => process.send?.(message);
  send({ kind: 'listening', port: (app.getHttpServer().address() as AddressInfo).port });
  const profile = profiler(send);
  process.on('message', (message) => {
    if (message === 'profile:start') profile.start();
    if (typeof message === 'string' && message.startsWith('profile:stop ')) profile.stop(message.slice(13));
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ kind: 'cpu', userMicros: user, systemMicros: system, rssBytes: process.memoryUsage().rss });
    }
  });
  // The benchmark ends its child like an operator would: SIGTERM, with the shutdown hooks.
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`bench server: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
