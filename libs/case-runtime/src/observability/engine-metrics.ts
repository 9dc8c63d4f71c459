import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Lag } from '../read/projection-lag';

/** How a command ended, as a metric label: the outcome's kind (accepted, rejected, conflict, ...). */
export type CommandOutcomeLabel = string;

/**
 * The engine's Prometheus metrics, one registry per process (the API serves it on /metrics, the
 * worker on its own /metrics). Labels are command and event types, outcomes and projection names:
 * never a case id, a debtor or anything personal.
 */
export class EngineMetrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: 'case_commands_total',
    help: 'Case commands handled, by command type and outcome (accepted, rejected, conflict, notFound, forbidden, keyReused)',
    labelNames: ['command', 'outcome'],
    registers: [this.registry],
  });
  private readonly appendSeconds = new Histogram({
    name: 'event_store_append_seconds',
    help: "Time to append one command's events to the event store",
    labelNames: ['store'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly timersFired = new Counter({
    name: 'case_timers_fired_total',
    help: 'Deadline timers fired (each once, across instances)',
    registers: [this.registry],
  });
  constructor(private readonly store: string) {
    collectDefaultMetrics({ register: this.registry });
  }

  commandHandled(command: string, outcome: CommandOutcomeLabel): void {
    this.commands.inc({ command, outcome });
  }

  /** Starts timing an append; call the returned function when it is done (whether or not it succeeded). */
  appendStarted(): () => void {
    return this.appendSeconds.startTimer({ store: this.store });
  }

  timerFired(): void {
    this.timersFired.inc();
  }

  /** Timers due now and not yet fired, measured on each scrape. */
  watchDueTimers(count: () => number): void {
    new Gauge({
      name: 'case_timers_due',
      help: 'Deadline timers due by now and not yet fired',
      registers: [this.registry],
      collect() {
        this.set(count());
      },
    });
  }

  /** A projection's lag behind the event store, measured once per scrape, by projection name. */
  watchProjection(projection: string, measure: () => Promise<Lag>): void {
    // The registry collects its gauges together: one measurement serves the three.
    let pending: Promise<Lag> | undefined;
    const once = () => (pending ??= measure().finally(() => (pending = undefined)));
    const gauge = (name: string, help: string, pick: (lag: Lag) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [this.registry],
        async collect() {
          this.set({ projection }, pick(await once()));
        },
      });
    gauge('projection_lag_events', 'Case events in the store not yet projected (capped at 1000)', (l) => l.events);
    gauge('projection_lag_seconds', 'Age of the oldest case event not yet projected', (l) => l.seconds);
    gauge(
      'projection_parked_streams',
      'Case streams a projection parked on an event it could not project (skipped until retried)',
      (l) => l.parked,
    );
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
