import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { CaseRuntimeModule, type AppConfig, type RuntimeOverrides } from '@app/case-runtime';
import { BillingModule } from '@app/billing';

/**
 * The worker: the shared runtime without HTTP, running the projector, the timer service and (with
 * RABBITMQ_URL) the billing relay. In
 * production the API instances run with WORKERS=separate and leave that work to this process.
 * Given a pino logger, Nest's logs go to it as JSON lines, as the API's do.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: RuntimeOverrides = {}, logger?: Logger): DynamicModule {
    const background: AppConfig = { ...config, workers: 'in-process' };
    return {
      module: WorkerModule,
      imports: [
        CaseRuntimeModule.forRoot(background, overrides),
        BillingModule.forRoot(background),
        ...(logger ? [LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] })] : []),
      ],
    };
  }
}
