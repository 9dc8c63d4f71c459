import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/** The API's pino logger: the request log and every Nest log line go through it. */
export const API_LOGGER = Symbol('API_LOGGER');

/**
 * Nest's logger on our pino logger. The request log is our own middleware (`requestLog`), so
 * nestjs-pino binds no per-request context: no middleware of its own on any route.
 */
export function loggerModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] });
}
