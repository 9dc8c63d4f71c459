import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { SYSTEM_TIMER } from '../auth/principal';
import { CaseCommands } from '../commands/execute-case-command';
import type { CommandOutcome } from '../commands/outcome';
import { Clock } from '../clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EngineMetrics } from '../observability/engine-metrics';
import { BackgroundProgress, type WorkProgress } from '../progress/background-progress';
import { EVENT_STORE } from '../storage/storage.module';
import { TimerIndex } from './timer-index';
import { TimerIndexFollower } from './timer-index-follower';

/** A bound on one run, so a backlog (or a timer that keeps meeting conflicts) cannot hold it for ever. */
const MAX_ATTEMPTS_PER_RUN = 10_000;
/** How often the index looks for new timer events when nothing asks it to. */
const INDEX_IDLE_MS = 250;

/**
 * Fires due case timers, once each, across restarts and with several services running: the
 * index comes from the events (kept up by the follower, in pages); a due timer goes through
 * the same command path as a caseworker's command, as the system, with the timer id as the
 * idempotency key (so two services deciding the same firing append it once). A backlog is
 * fired one timer per turn of the event loop, so requests, `/health` and SIGTERM are heard
 * while it drains, and a stop ends the run after the timer in hand.
 */
@Injectable()
export class TimerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerService.name);
  private readonly follower: TimerIndexFollower;
  private loop?: NodeJS.Timeout;
  private running: Promise<number> = Promise.resolve(0);
  private stopped = false;
  private backlog = { firing: false, dueAtStart: 0, fired: 0, attempts: 0 };

  constructor(
    private readonly index: TimerIndex,
    private readonly commands: CaseCommands,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    progress: BackgroundProgress,
    private readonly metrics: EngineMetrics,
  ) {
    this.follower = new TimerIndexFollower(index, store, (error) =>
      this.logger.error(`The timer index could not follow the store: ${messageOf(error)}`),
    );
    if (config.workers === 'separate') return;
    progress.report('timerIndex', () => this.follower.progress());
    progress.report('timers', () => this.backlogProgress());
  }

  onApplicationBootstrap(): void {
    if (this.config.workers === 'separate') return;
    // Built in the background: a first start on a large store answers requests meanwhile.
    this.follower.start(INDEX_IDLE_MS);
    if (this.config.timers.pollMs > 0) {
      this.loop = setInterval(() => {
        void this.runDue().catch((e) => this.logger.error(e));
      }, this.config.timers.pollMs);
      this.loop.unref();
    }
  }

  /** Before any module's shutdown, so the stores are still open while the timer in hand finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.loop) clearInterval(this.loop);
    await this.follower.stop();
    await this.running.catch(() => undefined);
  }

  /** Fires every timer due by the clock's now; one run at a time. Returns how many fired (none with WORKERS=separate: the worker fires). */
  runDue(): Promise<number> {
    if (this.config.workers === 'separate') return Promise.resolve(0);
    this.running = this.running.catch(() => 0).then(() => this.fireDue());
    return this.running;
  }

  private async fireDue(): Promise<number> {
    let fired = 0;
    let attempts = 0;
    await this.follower.catchUp();
    this.backlog = { firing: true, dueAtStart: this.index.dueCount(this.clock.now()), fired: 0, attempts: 0 };
    try {
      while (!this.stopped && attempts < MAX_ATTEMPTS_PER_RUN) {
        const due = this.index.dueBy(this.clock.now());
        if (due.length === 0) break;
        for (const timer of due) {
          if (this.stopped || attempts >= MAX_ATTEMPTS_PER_RUN) break;
          attempts += 1;
          if (await this.fire(timer.caseId, timer.timerId)) fired += 1;
          this.backlog = { ...this.backlog, fired, attempts };
          await nextTurn();
        }
        // The firings above scheduled and cancelled timers of their own: the index takes them in before the next look.
        if (!this.stopped) await this.follower.catchUp();
      }
    } finally {
      this.backlog = { ...this.backlog, firing: false };
    }
    return fired;
  }

  private backlogProgress(): WorkProgress {
    const { firing, dueAtStart, fired, attempts } = this.backlog;
    return { state: firing ? 'catching up' : 'live', dueAtStart, fired, attempts };
  }

  private async fire(caseId: string, timerId: string): Promise<boolean> {
    const correlationId = `timer:${timerId}`;
    const outcome = await this.commands.execute({
      caseId,
      command: { type: 'FireDeadline', data: { timerId } },
      principal: SYSTEM_TIMER,
      correlationId,
      idempotencyKey: correlationId,
    });
    const fired = this.settle(timerId, outcome);
    if (fired) {
      this.metrics.timerFired();
      this.logger.log({ msg: 'Timer fired', correlationId, caseId, timerId });
    }
    return fired;
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
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
