export { openReadStore, type ReadStore, type ReadDb } from './db/connect';
export type { CaseSummaryRow, TimelineRow } from './db/schema';
export { CaseProjector, type ProjectorStatus, type ProjectorOptions } from './projection/projector';
export type { EventHook } from './projection/case-run';
export { rebuildReadModels, type RebuildProgress } from './rebuild';
export { listParked, countParked, type ParkedStream } from './parking/parked-streams';
export { retryParked, type RetryReport } from './parking/retry-parked';
export { CaseQueries, QUEUES, type QueueName, type Page, type CaseFilter, type SortKey } from './queries/case-queries';
export { sentenceOf } from './projection/timeline';
