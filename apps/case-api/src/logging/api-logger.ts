import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * Nest's logger on the API's pino logger, which the request log writes to as well. The request
 * log is our own Fastify hook (`logRequests`), so nestjs-pino binds no per-request context: no
 * middleware of its own on any route.
 */
export function loggerModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] });
}
