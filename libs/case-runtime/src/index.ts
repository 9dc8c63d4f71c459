/**
 * What every process of the engine shares: configuration, the clock, the command path with
 * typed outcomes, storage and read-model wiring, the timer service, tokens and roles.
 * It speaks no HTTP: the API turns its outcomes into responses.
 */
export * from './config/config';
export * from './clock/clock';
export * from './auth/principal';
export * from './auth/tokens';
export * from './commands/outcome';
export * from './commands/case-streams.port';
export { CaseRepository, loadCase, type LoadedCase } from './commands/case-repository';
export { CaseStateCache, type FoldedCase } from './commands/case-state-cache';
export { handleCaseCommand, type CaseCommandEnvelope } from './commands/handle-case-command';
export { EVENT_SCHEMA_VERSION, eventMetadata } from './commands/metadata';
export { CaseCommands, ExecuteCaseCommand, ExecuteCaseCommandHandler } from './commands/execute-case-command';
export { PERMITTED, mayGive, visibleTo } from './commands/permissions';
export { caseIdFor, uuidFrom } from './commands/ids';
export { TimerIndex } from './deadlines/timer-index';
export { TimerService } from './deadlines/timer-service';
export { TIMER_EVENTS, type DueTimer, type TimerStatus } from './deadlines/timer-index';
export { BackgroundProgress, type WorkProgress } from './progress/background-progress';
export { exitWithinGrace, SHUTDOWN_GRACE_MS } from './process/shutdown-deadline';
export { StorageModule, EVENT_STORE, LOCAL_DB } from './storage/storage.module';
export { IdempotencyStore, SqliteIdempotencyStore, type KeyUse } from './storage/idempotency-store';
export { fingerprintOf, idempotencyScopeOf } from './commands/idempotency';
export { EventStoreHealth } from './storage/event-store.health';
export { ReadModelsModule, READ_STORE } from './read/read-models.module';
export { ProjectionLag, type Lag } from './read/projection-lag';
export { CaseRuntimeModule, type RuntimeOverrides } from './runtime.module';
export { PersonalDataVault } from './personal-data/personal-data-vault';
export { openPersonalData, type ClosableSubjectKeys } from './personal-data/open-personal-data';
export { PersonalDataService } from './personal-data/personal-data.service';
export { eraseSubject, type EraseSubject, type ErasureOutcome, type ErasureDeps } from './personal-data/erasure';
export { runRetention, type RetentionRun, type RetentionReport } from './personal-data/retention';
export { exportSubjectData, type SubjectDataExport, type HeldField } from './personal-data/access-export';
export { reportClearData, type ClearDataReport } from './personal-data/clear-data-report';
export { readModelsCaughtUp, ReadModelsBehind } from './read/read-models-caught-up';
export { subjectIn, EventStoreCaseStreams } from './storage/event-store-case-streams';
export { AnchorService } from './audit/anchor.service';
export { EngineMetrics } from './observability/engine-metrics';
export {
  startTracing,
  tracer,
  inSpan,
  activeTraceparent,
  contextFromTraceparent,
  type Tracing,
} from './observability/tracing';
