import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../clock/clock';
import { CaseQueue } from './case-queue';
import { CaseStateCache } from './case-state-cache';
import { CaseStreams } from './case-streams.port';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EngineMetrics } from '../observability/engine-metrics';
import { inSpan } from '../observability/tracing';
import { IdempotencyStore } from '../storage/idempotency-store';
import { handleCaseCommand, type CaseCommandEnvelope, type CommandPathDeps } from './handle-case-command';
import type { CommandOutcome } from './outcome';

/** One domain command on one case, as it travels on the command bus. */
export class ExecuteCaseCommand {
  constructor(readonly envelope: CaseCommandEnvelope) {}
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandOutcome> {
  private readonly deps: CommandPathDeps;

  constructor(
    streams: CaseStreams,
    clock: Clock,
    keys: IdempotencyStore,
    @Inject(APP_CONFIG) config: AppConfig,
    cache: CaseStateCache,
    private readonly metrics: EngineMetrics,
  ) {
    const keyLifetimeMs = config.idempotency.keyLifetimeHours * 3_600_000;
    this.deps = { streams, clock, keys, keyLifetimeMs, cache, queue: new CaseQueue(), metrics };
  }

  execute({ envelope }: ExecuteCaseCommand): Promise<CommandOutcome> {
    const type = envelope.command.type;
    return inSpan(
      `case.command ${type}`,
      { 'case.command': type, 'correlation.id': envelope.correlationId },
      async (span) => {
        let outcome = 'error';
        try {
          const result = await handleCaseCommand(this.deps, envelope);
          outcome = result.kind === 'accepted' && result.replayed ? 'replayed' : result.kind;
          return result;
        } finally {
          span.setAttribute('case.outcome', outcome);
          this.metrics.commandHandled(type, outcome);
        }
      },
    );
  }
}

/** The command path as the API, the worker and the CLI call it: typed in, typed out. */
@Injectable()
export class CaseCommands {
  constructor(private readonly bus: CommandBus) {}

  execute(envelope: CaseCommandEnvelope): Promise<CommandOutcome> {
    return this.bus.execute<ExecuteCaseCommand, CommandOutcome>(new ExecuteCaseCommand(envelope));
  }
}
