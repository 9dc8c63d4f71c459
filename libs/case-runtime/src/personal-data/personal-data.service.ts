import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { SubjectKeys } from '@app/privacy';
import { CaseProjector, SubjectQueries } from '@app/read-models';
import { Clock } from '../clock/clock';
import { CaseStreams } from '../commands/case-streams.port';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { readModelsCaughtUp } from '../read/read-models-caught-up';
import { EVENT_STORE } from '../storage/storage.module';
import { exportSubjectData } from './access-export';
import { eraseSubject, type EraseSubject, type ErasureDeps } from './erasure';
import { runRetention, type RetentionRun } from './retention';

/**
 * A debtor's personal data as the API and the worker act on it: the access export, erasure and
 * the retention run. In these processes a projector runs (here or in the worker), so each waits
 * for the read models to catch up rather than projecting itself.
 */
@Injectable()
export class PersonalDataService {
  private readonly deps: ErasureDeps;

  constructor(
    streams: CaseStreams,
    keys: SubjectKeys,
    subjects: SubjectQueries,
    clock: Clock,
    projector: CaseProjector,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.deps = {
      streams,
      keys,
      subjects,
      clock,
      catchUp: () => readModelsCaughtUp(store, projector, { drive: false }),
    };
  }

  erase(request: Omit<EraseSubject, 'retentionYears'>) {
    return eraseSubject(this.deps, { ...request, retentionYears: this.config.personalData.retentionYears });
  }

  exportData(subjectId: string) {
    return exportSubjectData({ ...this.deps, retentionYears: this.config.personalData.retentionYears }, subjectId);
  }

  retention(run: Omit<RetentionRun, 'retentionYears'>) {
    return runRetention(this.deps, { ...run, retentionYears: this.config.personalData.retentionYears });
  }
}
