import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '../auth/auth.guard';
import { ProjectionLag } from '@app/case-runtime';

/** Prometheus metrics: process defaults and the read models' lag behind the event store. */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(lag: ProjectionLag) {
    collectDefaultMetrics({ register: this.registry });
    const measure = async () => lag.measure();
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
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
