import { Injectable } from '@nestjs/common';
import type { CaseCommandRequest, CaseView } from '@app/case-domain';
import { CaseCommands, type Accepted } from '@app/case-runtime';
import { etagOf } from '../http/headers';
import { problemFor } from '../http/outcome-problems';
import type { CommandContext } from './command-context';

export interface CaseResponse {
  case: CaseView;
  revision: string;
  /** The events this request appended, in order (empty for a repeated handover). */
  appended: string[];
}

/** The HTTP side of a command: the command path's outcome as a status, headers and the case. */
@Injectable()
export class CaseCommandService {
  constructor(private readonly commands: CaseCommands) {}

  async run(caseId: string, command: CaseCommandRequest, ctx: CommandContext): Promise<CaseResponse> {
    const outcome = await this.commands.execute({
      caseId,
      command,
      principal: ctx.principal,
      expectedRevision: ctx.expectedRevision,
      correlationId: ctx.correlationId,
      idempotencyKey: ctx.idempotencyKey,
    });
    if (outcome.kind !== 'accepted') throw problemFor(outcome);
    const isHandover = command.type === 'HandOverClaim';
    ctx.response.code(isHandover && outcome.created ? 201 : 200);
    ctx.response.header('ETag', etagOf(outcome.revision));
    if (isHandover) ctx.response.header('Location', `/cases/${caseId}`);
    if (outcome.replayed) ctx.response.header('Idempotent-Replayed', 'true');
    return bodyOf(outcome);
  }
}

function bodyOf(accepted: Accepted): CaseResponse {
  return {
    case: accepted.view,
    revision: String(accepted.revision),
    appended: accepted.events.map((e) => e.type),
  };
}
