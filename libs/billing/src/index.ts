/**
 * Billing integration: the public, versioned billing events, their mapping from the case
 * events, the pull feed over the event store and the relay that pushes them to RabbitMQ.
 */
export * from './contract/integration-events';
export { toBillingEvents, caseContextOf, BILLABLE_TYPES, type CaseContext, type SourceEvent } from './contract/mapping';
export { contractProblems, schemaOf, publishedSchemaOf, SCHEMA_DIR } from './contract/schemas';
export {
  BillingFeed,
  InvalidCursor,
  parseCursor,
  cursorOf,
  FEED_START,
  type FeedPage,
  type FeedRead,
} from './feed/billing-feed';
export { BillingRelay, type RelayOptions, type RelayStatus } from './relay/billing-relay';
export { RelayCheckpoints, type RelayRecord, type RelayState } from './relay/relay-checkpoints';
export { RelayMonitor, type RelayHealth } from './relay/relay-monitor';
export { BillingModule, relayNameOf } from './billing.module';
