import { Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../clock/clock';
import { CaseStreams } from './case-streams.port';
import { handleCaseCommand, type CaseCommandEnvelope } from './handle-case-command';
import type { CommandOutcome } from './outcome';

/** One domain command on one case, as it travels on the command bus. */
export class ExecuteCaseCommand {
  constructor(readonly envelope: CaseCommandEnvelope) {}
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandOutcome> {
  constructor(
    private readonly streams: CaseStreams,
    private readonly clock: Clock,
  ) {}

  execute({ envelope }: ExecuteCaseCommand): Promise<CommandOutcome> {
    return handleCaseCommand({ streams: this.streams, clock: this.clock }, envelope);
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
