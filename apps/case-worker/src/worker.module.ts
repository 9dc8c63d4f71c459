import { DynamicModule, Module } from '@nestjs/common';
import { CaseRuntimeModule, type AppConfig, type RuntimeOverrides } from '@app/case-runtime';
import { BillingModule } from '@app/billing';

/**
 * The worker: the shared runtime without HTTP, running the projector, the timer service and (with
 * RABBITMQ_URL) the billing relay. In
 * production the API instances run with WORKERS=separate and leave that work to this process.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: RuntimeOverrides = {}): DynamicModule {
    const background: AppConfig = { ...config, workers: 'in-process' };
    return {
      module: WorkerModule,
      imports: [CaseRuntimeModule.forRoot(background, overrides), BillingModule.forRoot(background)],
    };
  }
}
