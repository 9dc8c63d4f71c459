import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOverrides } from './app.module';
import { API_LOGGER } from './logging/api-logger';
import type { AppConfig } from '@app/case-runtime';
import { refuseDeepJson } from './http/json-depth';
import { validationPipe } from './http/validation';
import { requestLog } from './logging/request-log';

/** Builds the app exactly as `npm start` runs it, so the end-to-end tests test the real thing. */
export async function createApp(
  config: AppConfig,
  overrides: AppOverrides & { silent?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, overrides), {
    bufferLogs: true,
    bodyParser: false,
    logger: overrides.silent ? false : undefined,
  });
  plumbHttp(app, config);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Collection dispute engine — case API')
      .setDescription(
        'Caseworkers and creditors drive collection cases through the lifecycle machine. Errors are application/problem+json.',
      )
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  if (config.docs) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}

/**
 * What every request meets before a route (the request log, the JSON body parser, validation)
 * and the shutdown hooks: shared with the benchmark's yardstick route, so it measures the same.
 */
export function plumbHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  // First, so every answer (a 401, a 413, a body that does not parse) gets its line.
  app.use(requestLog(app.get(API_LOGGER)));
  // Strict JSON with a size and depth limit: a malformed, oversized or too deep body is a 400/413, never a 500.
  app.useBodyParser('json', {
    limit: config.bodyLimit,
    strict: true,
    type: ['application/json', 'application/*+json'],
    verify: refuseDeepJson,
  });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
}
