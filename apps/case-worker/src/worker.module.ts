import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { Clock, SimulatedClock, SystemClock } from '../../case-api/src/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../case-api/src/config/app-config';
import { CaseRepository } from '../../case-api/src/cases/case-repository';
import { ExecuteCaseCommandHandler } from '../../case-api/src/cases/execute-case-command.handler';
import { TimerIndex } from '../../case-api/src/deadlines/timer-index';
import { TimerService } from '../../case-api/src/deadlines/timer-service';
import { ReadModelsModule } from '../../case-api/src/read/read-models.module';
import { LOCAL_DB, StorageModule } from '../../case-api/src/storage/storage.module';

/**
 * The worker: the projector and the timer service without HTTP, for production, where the API
 * instances run with WORKERS=separate. The same modules as the embedded default, one process.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    const own: AppConfig = { ...config, workers: 'in-process' };
    return {
      module: WorkerModule,
      imports: [CqrsModule.forRoot(), StorageModule.forRoot(own), ReadModelsModule.forRoot(own)],
      providers: [
        { provide: APP_CONFIG, useValue: own },
        {
          provide: Clock,
          useValue: overrides.clock ?? (config.clock === 'simulated' ? new SimulatedClock() : new SystemClock()),
        },
        CaseRepository,
        ExecuteCaseCommandHandler,
        { provide: TimerIndex, inject: [LOCAL_DB], useFactory: (db: Database.Database) => new TimerIndex(db) },
        TimerService,
      ],
    };
  }
}
