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
export { handleCaseCommand, EVENT_SCHEMA_VERSION, type CaseCommandEnvelope } from './commands/handle-case-command';
export { CaseCommands, ExecuteCaseCommand, ExecuteCaseCommandHandler } from './commands/execute-case-command';
export { PERMITTED, mayGive, visibleTo } from './commands/permissions';
export { caseIdFor, uuidFrom } from './commands/ids';
export { TimerIndex } from './deadlines/timer-index';
export { TimerService } from './deadlines/timer-service';
export { StorageModule, EVENT_STORE, LOCAL_DB } from './storage/storage.module';
export { IdempotencyStore, SqliteIdempotencyStore, type KeyUse } from './storage/idempotency-store';
export { fingerprintOf, idempotencyScopeOf } from './commands/idempotency';
export { EventStoreHealth } from './storage/event-store.health';
export { ReadModelsModule, READ_STORE } from './read/read-models.module';
export { ProjectionLag, type Lag } from './read/projection-lag';
export { CaseRuntimeModule, type RuntimeOverrides } from './runtime.module';
