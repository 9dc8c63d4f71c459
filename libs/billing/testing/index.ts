/** The example billing consumer (its ledger in PostgreSQL, its RabbitMQ loop), for tests and benchmarks. */
export { BillingLedger, bookingOf, type LedgerTotal } from '../example-consumer/billing-ledger';
export { consumeFromRabbitMq, type RabbitConsumer } from '../example-consumer/rabbitmq-consumer';
export { CuttableProxy } from './cuttable-proxy';
