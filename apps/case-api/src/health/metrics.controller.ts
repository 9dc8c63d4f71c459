import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '../auth/auth.guard';
import { ProjectionLag, type Lag } from '@app/case-runtime';

/** Prometheus metrics: process defaults, the read models' lag behind the event store, parked streams. */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(lag: ProjectionLag) {
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
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
