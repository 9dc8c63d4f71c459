import { Controller, Get, Header } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard';
import { EngineMetrics } from '@app/case-runtime';
import { RelayMonitor, type RelayHealth } from '@app/billing';

/**
 * Prometheus metrics: process defaults, commands by type and outcome, append latency, the read
 * models' lag behind the event store and parked streams (see EngineMetrics), and the billing relay.
 */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly engine: EngineMetrics,
    relay: RelayMonitor,
  ) {
    let relayPending: Promise<RelayHealth | undefined> | undefined;
    const relayHealth = () => (relayPending ??= relay.measure().finally(() => (relayPending = undefined)));
    const relayGauge = (name: string, help: string, value: (r: RelayHealth) => number) =>
      new Gauge({
        name,
        help,
        registers: [engine.registry],
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
    return this.engine.metrics();
  }
}
