import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/auth.guard';
import { EventStoreHealth } from '../storage/event-store.health';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly eventStore: EventStoreHealth,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('eventStore');
        const problem = await this.eventStore.problem();
        return problem ? indicator.down({ reason: problem }) : indicator.up({ kind: this.eventStore.kind });
      },
    ]);
  }
}
