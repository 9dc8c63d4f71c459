import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { AnchorService } from './audit/anchor.service';
import { Clock, clockFor } from './clock/clock';
import { CaseRepository } from './commands/case-repository';
import { CaseStateCache } from './commands/case-state-cache';
import { CaseCommands, ExecuteCaseCommandHandler } from './commands/execute-case-command';
import { APP_CONFIG, type AppConfig } from './config/config';
import { TimerIndex } from './deadlines/timer-index';
import { TimerService } from './deadlines/timer-service';
import { EngineMetrics } from './observability/engine-metrics';
import { PersonalDataService } from './personal-data/personal-data.service';
import { BackgroundProgress } from './progress/background-progress';
import { ProjectionLag } from './read/projection-lag';
import { ReadModelsModule } from './read/read-models.module';
import { LOCAL_DB, StorageModule } from './storage/storage.module';

export interface RuntimeOverrides {
  clock?: Clock;
}

/**
 * What every process shares, wired from one configuration: the event store and the local
 * tables, the read models and their projector, the command path and the timer service.
 * Whether the projector and the timers run here is the configuration's `workers` setting.
 */
@Module({})
export class CaseRuntimeModule {
  static forRoot(config: AppConfig, overrides: RuntimeOverrides = {}): DynamicModule {
    const clock = overrides.clock ?? clockFor(config);
    return {
      module: CaseRuntimeModule,
      global: true,
      imports: [CqrsModule.forRoot(), StorageModule.forRoot(config, clock), ReadModelsModule.forRoot(config)],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        BackgroundProgress,
        { provide: CaseStateCache, useValue: new CaseStateCache(config.caseCache.cases) },
        CaseRepository,
        ExecuteCaseCommandHandler,
        CaseCommands,
        { provide: TimerIndex, inject: [LOCAL_DB], useFactory: (db: Database.Database) => new TimerIndex(db) },
        TimerService,
        PersonalDataService,
        AnchorService,
        {
          provide: EngineMetrics,
          inject: [ProjectionLag, TimerIndex],
          useFactory: (lag: ProjectionLag, index: TimerIndex) => {
            const metrics = new EngineMetrics(config.eventstoreUrl ? 'eventstoredb' : 'sqlite');
            metrics.watchProjection('read-models', () => lag.measure());
            // Only where the timer service runs is its index kept up.
            if (config.workers === 'in-process') metrics.watchDueTimers(() => index.dueCount(clock.now()));
            return metrics;
          },
        },
      ],
      exports: [
        APP_CONFIG,
        Clock,
        BackgroundProgress,
        CaseRepository,
        CaseCommands,
        TimerIndex,
        TimerService,
        PersonalDataService,
        AnchorService,
        EngineMetrics,
      ],
    };
  }
}
