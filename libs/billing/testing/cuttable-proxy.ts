import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy to the broker that a test can cut: every connection through it drops at once. */
export class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  port = 0;
  /** While down, a connection is dropped as soon as it is made (a broker that does not answer). */
  down = false;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.down) return void client.destroy();
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Drops every open connection (the broker "goes away" for its clients) and says how many; new ones may connect. */
  cut(): number {
    // Each connection is two sockets: the client's and the one to the broker.
    const n = Math.ceil(this.sockets.size / 2);
    for (const s of this.sockets) s.destroy();
    return n;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
