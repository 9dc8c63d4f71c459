import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { CaseRuntimeModule, TokenVerifier, type AppConfig, type RuntimeOverrides } from '@app/case-runtime';
import { AuthGuard } from './auth/auth.guard';
import { DevClockController } from './clock/dev-clock.controller';
import { CaseCommandController } from './cases/case-command.controller';
import { CaseCommandService } from './cases/case-command.service';
import { CaseQueryController } from './cases/case-query.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { correlationIdFor } from './http/correlation';
import { ProblemFilter } from './http/problem.filter';
import { ReadQueryController } from './read/read-query.controller';

/** The case API: HTTP over the shared runtime (command path, read models, timers). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: RuntimeOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CaseRuntimeModule.forRoot(config, overrides),
        TerminusModule,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: correlationIdFor,
            redact: ['req.headers.authorization'],
          },
        }),
      ],
      controllers: [
        CaseCommandController,
        CaseQueryController,
        ReadQueryController,
        HealthController,
        ...(config.metrics ? [MetricsController] : []),
        ...(config.clock === 'simulated' ? [DevClockController] : []),
      ],
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        CaseCommandService,
      ],
    };
  }
}
