import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { anchorChain } from '@app/audit';
import type { EventStore } from '@app/event-store';
import { Clock } from '../clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EVENT_STORE } from '../storage/storage.module';

/**
 * Appends an anchor over `$all` every AUDIT_ANCHOR_MINUTES where the background work runs (the
 * API by default, the worker with WORKERS=separate). Two processes anchoring at once are harmless:
 * the anchor stream's expected revision lets only one of them append.
 */
@Injectable()
export class AnchorService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditAnchor');
  private loop?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.audit.anchorEveryMinutes;
    if (this.config.workers === 'separate' || minutes === 0) return;
    this.loop = setInterval(() => void this.anchor(), minutes * 60_000);
    this.loop.unref();
  }

  anchor(): Promise<unknown> {
    this.running = this.running.then(() =>
      anchorChain(this.store, this.clock.now()).catch((error: unknown) =>
        this.logger.warn(`No anchor this time: ${error instanceof Error ? error.message : String(error)}`),
      ),
    );
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.loop) clearInterval(this.loop);
    await this.running;
  }
}
