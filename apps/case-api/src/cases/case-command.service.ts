import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { caseViewOf, dateOf, type CaseCommandRequest, type CaseView } from '@app/case-domain';
import { CaseCommands, IdempotencyStore, type Accepted } from '@app/case-runtime';
import { etagOf } from '../http/headers';
import { problem } from '../http/problem';
import { problemFor } from '../http/outcome-problems';
import type { CommandContext } from './command-context';

export interface CaseResponse {
  case: CaseView;
  revision: string;
  /** The events this request appended, in order (empty for a repeated handover). */
  appended: string[];
}

interface HttpAnswer {
  status: number;
  body: CaseResponse;
  headers: Record<string, string>;
}

/** The HTTP side of a command: idempotent replay, then the command path, then the response. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly commands: CaseCommands,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async run(caseId: string, command: CaseCommandRequest, ctx: CommandContext): Promise<CaseResponse> {
    const answer = await this.answer(caseId, command, ctx);
    ctx.response.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) ctx.response.setHeader(name, value);
    return answer.body;
  }

  private async answer(caseId: string, command: CaseCommandRequest, ctx: CommandContext): Promise<HttpAnswer> {
    const { idempotencyKey, principal } = ctx;
    const scope = `${principal.role}:${principal.subject}`;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([ctx.route, command]))
      .digest('hex');
    if (idempotencyKey) {
      const earlier = this.idempotency.get(scope, idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw problem(422, 'idempotency-key-reused', 'Idempotency-Key reused for a different request', {
            detail: 'This key was already used with another request; use a new key for a new request.',
          });
        }
        const headers = { ...earlier.headers, 'Idempotent-Replayed': 'true' };
        return { status: earlier.status, body: earlier.body as CaseResponse, headers };
      }
    }
    const outcome = await this.commands.execute({
      caseId,
      command,
      principal,
      expectedRevision: ctx.expectedRevision,
      correlationId: ctx.correlationId,
      idempotencyKey,
    });
    if (outcome.kind !== 'accepted') throw problemFor(outcome);
    const answer = toAnswer(outcome, command.type === 'HandOverClaim');
    if (idempotencyKey) this.idempotency.put(scope, idempotencyKey, { fingerprint, ...answer });
    return answer;
  }
}

function toAnswer(accepted: Accepted, isHandover: boolean): HttpAnswer {
  const headers: Record<string, string> = { ETag: etagOf(accepted.revision) };
  if (isHandover) headers.Location = `/cases/${accepted.caseId}`;
  return {
    status: isHandover && accepted.created ? 201 : 200,
    headers,
    body: {
      case: caseViewOf(accepted.state, dateOf(accepted.at)),
      revision: String(accepted.revision),
      appended: accepted.events.map((e) => e.type),
    },
  };
}
