import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../clock/clock';
import { CaseStateCache } from './case-state-cache';
import { CaseStreams } from './case-streams.port';
import { APP_CONFIG, type AppConfig } from '../config/config';
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
  ) {
    this.deps = { streams, clock, keys, keyLifetimeMs: config.idempotency.keyLifetimeHours * 3_600_000, cache };
  }

  execute({ envelope }: ExecuteCaseCommand): Promise<CommandOutcome> {
    return handleCaseCommand(this.deps, envelope);
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
