import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, READ_STORE, type AppConfig } from '@app/case-runtime';
import type { EventStore } from '@app/event-store';
import type { ReadStore } from '@app/read-models';
import { BillingFeed } from './feed/billing-feed';
import { BillingRelay } from './relay/billing-relay';
import { RelayCheckpoints } from './relay/relay-checkpoints';
import { RelayMonitor } from './relay/relay-monitor';

export const relayNameOf = (exchange: string) => `rabbitmq:${exchange}`;

/**
 * Billing integration in a process: the pull feed, the relay's monitor, and the relay itself
 * where the background work runs (the worker, or the API with WORKERS=in-process) and
 * RABBITMQ_URL is set. Without RABBITMQ_URL nothing connects anywhere (`npm start` needs no broker).
 */
@Module({})
export class BillingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BillingRelay');

  constructor(@Optional() @Inject(BillingRelay) private readonly relay?: BillingRelay) {}

  static forRoot(config: AppConfig): DynamicModule {
    const { rabbitmqUrl, exchange } = config.billing;
    const relays = Boolean(rabbitmqUrl) && config.workers === 'in-process';
    const name = relayNameOf(exchange);
    return {
      module: BillingModule,
      providers: [
        { provide: BillingFeed, inject: [EVENT_STORE], useFactory: (store: EventStore) => new BillingFeed(store) },
        {
          provide: RelayCheckpoints,
          inject: [READ_STORE],
          useFactory: (read: ReadStore) => new RelayCheckpoints(read.db),
        },
        {
          provide: RelayMonitor,
          inject: [EVENT_STORE, RelayCheckpoints],
          useFactory: (store: EventStore, checkpoints: RelayCheckpoints) =>
            new RelayMonitor(store, checkpoints, name, Boolean(rabbitmqUrl)),
        },
        ...(relays
          ? [
              {
                provide: BillingRelay,
                inject: [EVENT_STORE, RelayCheckpoints],
                useFactory: (store: EventStore, checkpoints: RelayCheckpoints) => {
                  const logger = new Logger('BillingRelay');
                  return new BillingRelay(store, checkpoints, {
                    url: rabbitmqUrl!,
                    exchange,
                    name,
                    log: (level, message) => (level === 'warn' ? logger.warn(message) : logger.log(message)),
                  });
                },
              },
            ]
          : []),
      ],
      exports: [BillingFeed, RelayMonitor],
    };
  }

  onApplicationBootstrap(): void {
    if (!this.relay) return;
    this.relay.start();
    this.logger.log('The billing relay to RabbitMQ is running.');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
