import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/auth.guard';
import { EventStoreHealth, ProjectionLag } from '@app/case-runtime';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly eventStore: EventStoreHealth,
    private readonly lag: ProjectionLag,
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
      async () => {
        // A failed projection is down (it stopped on an event, loudly); lag is reported either way.
        const indicator = this.indicators.check('projection');
        const lag = await this.lag.measure();
        return lag.projector === 'failed' ? indicator.down({ ...lag }) : indicator.up({ ...lag });
      },
    ]);
  }
}
