import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/auth.guard';
import { BackgroundProgress, EventStoreHealth, ProjectionLag } from '@app/case-runtime';
import { RelayMonitor } from '@app/billing';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly eventStore: EventStoreHealth,
    private readonly lag: ProjectionLag,
    private readonly background: BackgroundProgress,
    private readonly relay: RelayMonitor,
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
        // Down only when the projector has stopped (its store failed). Parked cases degrade it:
        // every other case is still projected, so it stays up (200) and names them.
        const indicator = this.indicators.check('projection');
        const lag = await this.lag.measure();
        if (lag.projector === 'failed') return indicator.down({ ...lag });
        return indicator.up({ condition: lag.parked > 0 ? 'degraded' : 'healthy', ...lag });
      },
      // Catching up is not down: the process answers while its background work (timer index, a
      // backlog of due timers) gets there, and says how far it is.
      () => {
        const { catchingUp, work } = this.background.snapshot();
        return this.indicators.check('background').up({ condition: catchingUp ? 'catching up' : 'live', ...work });
      },
      // A broker that is down degrades billing, not the engine: the relay backs off and retries,
      // and catches up from its checkpoint once the broker is back. Shown only where a relay is configured.
      async () => {
        const indicator = this.indicators.check('billingRelay');
        const relay = await this.relay.measure();
        if (!relay) return indicator.up({ condition: 'not configured (RABBITMQ_URL unset)' });
        const condition = relay.state === 'backingOff' ? 'broker unreachable, retrying' : relay.state;
        return indicator.up({ condition, ...relay });
      },
    ]);
  }
}
