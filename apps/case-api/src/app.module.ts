import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { Clock, SimulatedClock, SystemClock } from './clock/clock';
import { DevClockController } from './clock/dev-clock.controller';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { CaseCommandController } from './cases/case-command.controller';
import { CaseCommandService } from './cases/case-command.service';
import { CaseQueryController } from './cases/case-query.controller';
import { CaseRepository } from './cases/case-repository';
import { CaseStreams } from './cases/case-stream.port';
import { ExecuteCaseCommandHandler } from './cases/execute-case-command.handler';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { ProblemFilter } from './http/problem.filter';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { LOCAL_DB, StorageModule } from './storage/storage.module';
import { TimerIndex } from './deadlines/timer-index';
import { ReadModelsModule } from './read/read-models.module';
import { ReadQueryController } from './read/read-query.controller';
import { TimerService } from './deadlines/timer-service';
import type Database from 'better-sqlite3';

/** The case API: HTTP commands and reads over one event store, wired from the configuration. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    const clock = overrides.clock ?? (config.clock === 'simulated' ? new SimulatedClock() : new SystemClock());
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useValue: clock },
      { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemFilter },
      CaseRepository,
      CaseCommandService,
      ExecuteCaseCommandHandler,
      { provide: TimerIndex, inject: [LOCAL_DB], useFactory: (db: Database.Database) => new TimerIndex(db) },
      TimerService,
    ];
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule,
        StorageModule.forRoot(config),
        ReadModelsModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
            // The correlation id of a request: the caller's, or a new one; echoed back.
            genReqId: (req, res) => {
              const id = (req.headers['x-correlation-id'] as string | undefined) ?? randomUUID();
              res.setHeader('X-Correlation-Id', id);
              return id;
            },
            redact: ['req.headers.authorization'],
          },
        }),
      ],
      controllers: [
        CaseCommandController,
        CaseQueryController,
        ReadQueryController,
        HealthController,
        MetricsController,
        ...(config.clock === 'simulated' ? [DevClockController] : []),
      ],
      providers,
    };
  }
}

export { CaseStreams, IdempotencyStore };
