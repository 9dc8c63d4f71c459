import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '../auth/auth.guard';
import { ProjectionLag, type Lag } from '@app/case-runtime';
import { RelayMonitor, type RelayHealth } from '@app/billing';

/** Prometheus metrics: process defaults, the read models' lag behind the event store, parked streams, the billing relay. */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(lag: ProjectionLag, relay: RelayMonitor) {
    collectDefaultMetrics({ register: this.registry });
    // One measurement per scrape: the registry collects its gauges together, so they share it.
    let pending: Promise<Lag> | undefined;
    const measure = () => (pending ??= lag.measure().finally(() => (pending = undefined)));
    new Gauge({
      name: 'projection_lag_events',
      help: 'Case events in the store not yet in the read models (capped at 10000)',
      registers: [this.registry],
      async collect() {
        this.set((await measure()).events);
      },
    });
    new Gauge({
      name: 'projection_lag_seconds',
      help: 'Age of the oldest case event not yet in the read models',
      registers: [this.registry],
      async collect() {
        this.set((await measure()).seconds);
      },
    });
    new Gauge({
      name: 'projection_parked_streams',
      help: 'Case streams the projection parked on an event it could not project (skipped until retried)',
      registers: [this.registry],
      async collect() {
        this.set((await measure()).parked);
      },
    });
    let relayPending: Promise<RelayHealth | undefined> | undefined;
    const relayHealth = () => (relayPending ??= relay.measure().finally(() => (relayPending = undefined)));
    const relayGauge = (name: string, help: string, value: (r: RelayHealth) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const measured = await relayHealth();
          // No relay configured here or reporting: nothing to measure (the gauges stay at 0).
          if (measured) this.set(value(measured));
        },
      });
    relayGauge(
      'billing_relay_lag_events',
      'Case events not yet relayed to RabbitMQ and confirmed (capped at 1000)',
      (r) => r.lag.events,
    );
    relayGauge(
      'billing_relay_lag_seconds',
      'Age of the oldest case event not yet relayed and confirmed',
      (r) => r.lag.seconds,
    );
    relayGauge('billing_relay_connected', '1 while the relay is connected to the broker, 0 while it backs off', (r) =>
      r.state === 'connected' ? 1 : 0,
    );
    relayGauge(
      'billing_relay_published_events',
      'Billing events the relay process published and the broker confirmed since it started',
      (r) => r.published,
    );
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
