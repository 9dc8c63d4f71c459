import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import { CaseRuntimeModule, TokenVerifier, type AppConfig, type RuntimeOverrides } from '@app/case-runtime';
import { BillingModule } from '@app/billing';
import { AuthGuard } from './auth/auth.guard';
import { AuditController } from './auditor/audit.controller';
import { AuditPagesController } from './auditor/audit-pages.controller';
import { AuditorReadsInterceptor } from './auditor/auditor-reads.interceptor';
import { DevClockController } from './clock/dev-clock.controller';
import { DebtorDataController } from './debtors/debtor-data.controller';
import { CaseCommandController } from './cases/case-command.controller';
import { CaseCommandService } from './cases/case-command.service';
import { CaseQueryController } from './cases/case-query.controller';
import { HealthController } from './health/health.controller';
import { BillingFeedController } from './integration/billing-feed.controller';
import { MetricsController } from './health/metrics.controller';
import { ProblemFilter } from './http/problem.filter';
import { ReadQueryController } from './read/read-query.controller';
import { loggerModule } from './logging/api-logger';

/**
 * The case API: HTTP over the shared runtime (command path, read models, timers). Its logger is
 * made with the HTTP server's, whose request log writes to it too.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger, overrides: RuntimeOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CaseRuntimeModule.forRoot(config, overrides),
        BillingModule.forRoot(config),
        TerminusModule,
        loggerModule(logger),
      ],
      controllers: [
        CaseCommandController,
        CaseQueryController,
        ReadQueryController,
        AuditController,
        AuditPagesController,
        DebtorDataController,
        BillingFeedController,
        HealthController,
        ...(config.metrics ? [MetricsController] : []),
        ...(config.clock === 'simulated' ? [DevClockController] : []),
      ],
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        CaseCommandService,
        AuditorReadsInterceptor,
      ],
    };
  }
}
