import * as grpc from '@grpc/grpc-js';
import { SqliteEventStore } from '../../src';
import { appendHandler } from './append-handler';
import { featuresGrpc, featuresPb, streamsGrpc } from './messages';
import { readHandler } from './read-handler';

/**
 * A PROTOCOL FAKE of EventStoreDB for tests — not EventStoreDB. An in-process gRPC server that
 * speaks the Streams protocol (Append; Read of a stream, of `$all`, and `$all` subscriptions
 * with prefix filters, confirmation, caught-up and checkpoints) and ServerFeatures, using the
 * client package's own generated code, over an in-memory SQLite store. It lets the real
 * `@eventstore/db-client` and our adapter be tested here, where no EventStoreDB server can run.
 * Not covered: BatchAppend, stream subscriptions, regex filters, deletes, ACLs, clustering,
 * persistent subscriptions, projections.
 */
export class EsdbProtocolFake {
  private readonly server = new grpc.Server();
  private readonly store: SqliteEventStore;
  private port: number;
  private readonly host: string;

  /** In memory on a free loopback port unless told otherwise (the compose test's stand-in keeps a file). */
  constructor(options: { file?: string; host?: string; port?: number } = {}) {
    this.store = new SqliteEventStore({ file: options.file ?? ':memory:', pollIntervalMs: 20 });
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 0;
  }

  async start(): Promise<this> {
    this.server.addService(streamsGrpc.StreamsService, {
      append: appendHandler(this.store),
      read: readHandler(this.store),
    } as unknown as grpc.UntypedServiceImplementation);
    this.server.addService(featuresGrpc.ServerFeaturesService, { getSupportedMethods: supportedMethods });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`${this.host}:${this.port}`, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    return this;
  }

  get connectionString(): string {
    return `esdb://${this.host}:${this.port}?tls=false`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    this.server.forceShutdown();
    await this.store.close();
  }
}

/** Only what the fake implements, so the client never chooses BatchAppend. */
function supportedMethods(_: unknown, callback: (error: null, response: unknown) => void) {
  const methods = new featuresPb.SupportedMethods();
  methods.setEventStoreServerVersion('24.10.0-protocol-fake');
  for (const name of ['read', 'append']) {
    const m = new featuresPb.SupportedMethod();
    m.setServiceName('event_store.client.streams.streams');
    m.setMethodName(name);
    methods.addMethods(m);
  }
  callback(null, methods);
}
