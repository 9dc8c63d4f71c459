/** An in-process gRPC server speaking EventStoreDB's protocol (a protocol fake, not EventStoreDB), for tests. */
export { EsdbProtocolFake } from './esdb-protocol-fake/esdb-protocol-fake';
