import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngineMetrics, EventStoreHealth, ProjectionLag } from '@app/case-runtime';

export interface OpsDeps {
  lag: ProjectionLag;
  eventStore: EventStoreHealth;
  metrics: EngineMetrics;
}

/**
 * The worker's two routes for operators and orchestrators, without a web framework: `GET /health`
 * (503 when the event store does not answer or the projector has stopped on a failure) and
 * `GET /metrics` (Prometheus: projection lag, timers due and fired, commands, append latency).
 */
export function startOpsServer(deps: OpsDeps, host: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0].replace(/\/$/, '');
    const answer = async () => {
      if (request.method !== 'GET') return [405, 'application/json', JSON.stringify({ error: 'GET only' })] as const;
      if (path === '/metrics') {
        return [200, 'text/plain; version=0.0.4; charset=utf-8', await deps.metrics.metrics()] as const;
      }
      if (path === '/health') {
        const [store, lag] = await Promise.all([deps.eventStore.problem(), deps.lag.measure()]);
        const up = !store && lag.projector !== 'failed';
        const body = {
          status: up ? 'ok' : 'error',
          eventStore: store ? { status: 'down', reason: store } : { status: 'up', kind: deps.eventStore.kind },
          projection: { status: lag.projector === 'failed' ? 'down' : 'up', ...lag },
        };
        return [up ? 200 : 503, 'application/json', JSON.stringify(body)] as const;
      }
      return [404, 'application/json', JSON.stringify({ error: 'not found' })] as const;
    };
    answer().then(
      ([status, type, body]) => response.writeHead(status, { 'Content-Type': type }).end(body),
      (error: unknown) =>
        response.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: String(error) })),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

export const portOf = (server: Server) => (server.address() as AddressInfo).port;
