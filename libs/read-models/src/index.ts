export { openReadStore, type ReadStore, type ReadDb } from './db/connect';
export type { CaseSummaryRow, TimelineRow } from './db/schema';
export { CaseProjector, type ProjectorStatus } from './projection/projector';
export { rebuildReadModels, type RebuildProgress } from './rebuild';
export { CaseQueries, QUEUES, type QueueName, type Page, type CaseFilter, type SortKey } from './queries/case-queries';
export { sentenceOf } from './projection/timeline';
