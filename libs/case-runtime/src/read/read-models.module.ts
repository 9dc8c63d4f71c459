import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore } from '@app/event-store';
import { CaseProjector, CaseQueries, openReadStore, SubjectQueries, type ReadStore } from '@app/read-models';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { correlationIdsOf, traceProjected } from '../observability/projection-spans';
import { EVENT_STORE } from '../storage/storage.module';
import { ProjectionLag } from './projection-lag';

export const READ_STORE = Symbol('READ_STORE');

/** The read models: their database, the live projector (in-process here) and the queries. */
@Module({})
export class ReadModelsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');

  constructor(
    private readonly projector: CaseProjector,
    @Inject(READ_STORE) private readonly read: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    const { databaseUrl, schema, sqliteFile } = config.readModels;
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: READ_STORE,
          useFactory: () => {
            if (!databaseUrl && sqliteFile !== ':memory:') mkdirSync(dirname(sqliteFile), { recursive: true });
            return openReadStore(databaseUrl ? { databaseUrl, schema } : { sqliteFile });
          },
        },
        {
          provide: CaseProjector,
          inject: [EVENT_STORE, READ_STORE],
          useFactory: (store: EventStore, read: ReadStore) => {
            const logger = new Logger('Projector');
            return new CaseProjector(store, read, {
              // The projection carries on without the case: say so where operators look.
              onParked: (p) =>
                logger.warn(
                  `Case ${p.caseId} parked at ${p.eventType} (revision ${p.revision}, position ${p.position}): ${p.error}. ` +
                    'Fix, then `npm run cli -- projections retry-parked`.',
                ),
              onCommitted: (events, startedAtMs) => {
                traceProjected('read-models', events, startedAtMs);
                logger.debug?.({ msg: 'Projected', events: events.length, correlationIds: correlationIdsOf(events) });
              },
            });
          },
        },
        { provide: CaseQueries, inject: [READ_STORE], useFactory: (read: ReadStore) => new CaseQueries(read) },
        { provide: SubjectQueries, inject: [READ_STORE], useFactory: (read: ReadStore) => new SubjectQueries(read) },
        {
          provide: ProjectionLag,
          inject: [EVENT_STORE, CaseProjector, READ_STORE],
          useFactory: (store: EventStore, p: CaseProjector, read: ReadStore) => new ProjectionLag(store, p, read),
        },
      ],
      exports: [CaseProjector, CaseQueries, SubjectQueries, ProjectionLag, READ_STORE],
    };
  }

  onApplicationBootstrap(): void {
    if (this.config.workers === 'separate') return;
    this.projector.start();
    this.logger.log('The read-model projector is running.');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.read.close();
  }
}
