import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { comparePositions, type EventStore, type Position, type Subscription } from '@app/event-store';
import { SYSTEM_TIMER } from '../auth/principal';
import { CaseCommands } from '../commands/execute-case-command';
import type { CommandOutcome } from '../commands/outcome';
import { Clock } from '../clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EVENT_STORE } from '../storage/storage.module';
import { TimerIndex } from './timer-index';

const TIMER_EVENTS = ['DeadlineScheduled', 'DeadlineCancelled', 'DeadlineFired'];
/** A bound on one run, so a backlog cannot hold the loop for ever. */
const MAX_FIRINGS_PER_RUN = 10_000;

/**
 * Fires due case timers, once each, across restarts and with several services running: the
 * index comes from the events through a checkpointed subscription; a due timer goes through
 * the same command path as a caseworker's command, as the system, with the timer id as the
 * idempotency key (so two services deciding the same firing append it once).
 */
@Injectable()
export class TimerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimerService.name);
  private subscription?: Subscription;
  private loop?: NodeJS.Timeout;
  private running: Promise<number> = Promise.resolve(0);
  private indexed: Position | 'start' = 'start';
  private stopped = false;

  constructor(
    private readonly index: TimerIndex,
    private readonly commands: CaseCommands,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.workers === 'separate') return;
    this.indexed = this.index.checkpoint();
    this.subscription = this.store.subscribeToAll(
      (event) => {
        this.index.apply(event);
        this.indexed = event.position;
      },
      {
        from: this.indexed,
        filter: { streamPrefixes: ['case-'], eventTypes: TIMER_EVENTS },
        onError: (error) =>
          this.logger.error(`The timer index stopped: ${error instanceof Error ? error.message : String(error)}`),
      },
    );
    if (this.config.timers.pollMs > 0) {
      this.loop = setInterval(() => {
        void this.runDue().catch((e) => this.logger.error(e));
      }, this.config.timers.pollMs);
      this.loop.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.loop) clearInterval(this.loop);
    await this.running.catch(() => undefined);
    await this.subscription?.stop();
  }

  /** Fires every timer due by the clock's now; one run at a time. Returns how many fired. */
  runDue(): Promise<number> {
    this.running = this.running.catch(() => 0).then(() => this.fireDue());
    return this.running;
  }

  private async fireDue(): Promise<number> {
    let fired = 0;
    while (!this.stopped && fired < MAX_FIRINGS_PER_RUN) {
      await this.catchUp();
      const due = this.index.dueBy(this.clock.now());
      if (due.length === 0) break;
      for (const timer of due) fired += (await this.fire(timer.caseId, timer.timerId)) ? 1 : 0;
    }
    return fired;
  }

  private async fire(caseId: string, timerId: string): Promise<boolean> {
    const outcome = await this.commands.execute({
      caseId,
      command: { type: 'FireDeadline', data: { timerId } },
      principal: SYSTEM_TIMER,
      correlationId: `timer:${timerId}`,
      idempotencyKey: `timer:${timerId}`,
    });
    return this.settle(timerId, outcome);
  }

  private settle(timerId: string, outcome: CommandOutcome): boolean {
    switch (outcome.kind) {
      case 'accepted':
        this.index.settle(timerId, 'fired');
        return true;
      case 'rejected':
      case 'notFound':
        // Fired or cancelled already (by another service, or before a restart): nothing to do twice.
        this.index.settle(timerId, 'dropped');
        return false;
      case 'conflict':
        return false; // a caseworker's command won this revision; the next run retries
      case 'forbidden':
      case 'keyReused':
        throw new Error(`The timer service could not fire ${timerId}: ${outcome.message}`);
    }
  }

  /** Waits until the index has seen everything in the store up to now. */
  private async catchUp(): Promise<void> {
    const [head] = await this.store.readAll({
      direction: 'backwards',
      maxCount: 1,
      filter: { streamPrefixes: ['case-'], eventTypes: TIMER_EVENTS },
    });
    if (!head) return;
    for (let waited = 0; this.indexed === 'start' || comparePositions(this.indexed, head.position) < 0; waited += 10) {
      if (waited > 30_000) throw new Error('The timer index did not catch up within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
