import { DynamicModule, Module } from '@nestjs/common';
import { CaseRuntimeModule, type AppConfig, type RuntimeOverrides } from '@app/case-runtime';

/**
 * The worker: the shared runtime without HTTP, running the projector and the timer service. In
 * production the API instances run with WORKERS=separate and leave that work to this process.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: RuntimeOverrides = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CaseRuntimeModule.forRoot({ ...config, workers: 'in-process' }, overrides)],
    };
  }
}
