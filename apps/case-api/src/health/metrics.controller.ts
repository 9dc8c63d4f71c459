import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard';
import { EngineMetrics } from '@app/case-runtime';

/**
 * Prometheus metrics: process defaults, commands by type and outcome, append latency, the read
 * models' lag behind the event store and parked streams (see EngineMetrics for the whole list).
 */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly engine: EngineMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.engine.metrics();
  }
}
