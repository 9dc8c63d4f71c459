import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { CaseRuntimeModule, type AppConfig, type RuntimeOverrides } from '@app/case-runtime';

/**
 * The worker: the shared runtime without HTTP, running the projector and the timer service. In
 * production the API instances run with WORKERS=separate and leave that work to this process.
 * Given a pino logger, Nest's logs go to it as JSON lines, as the API's do.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: RuntimeOverrides = {}, logger?: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CaseRuntimeModule.forRoot({ ...config, workers: 'in-process' }, overrides),
        ...(logger ? [LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] })] : []),
      ],
    };
  }
}
