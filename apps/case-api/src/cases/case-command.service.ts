import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { caseViewOf, dateOf, type CaseCommand, type CaseView } from '@app/case-domain';
import type { Principal } from '../auth/principal';
import { etagOf } from '../http/headers';
import { problem } from '../http/problem';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { ExecuteCaseCommand } from './case-commands';
import type { CommandResult } from './execute-case-command.handler';

export interface CaseResponse {
  case: CaseView;
  revision: string;
  /** The events this request appended, in order (empty for a repeated handover). */
  appended: string[];
}

export interface HttpAnswer {
  status: number;
  body: CaseResponse;
  headers: Record<string, string>;
}

export interface CommandRequest {
  caseId: string;
  command: Omit<CaseCommand, 'at'>;
  principal: Principal;
  expectedRevision?: bigint;
  idempotencyKey?: string;
  correlationId: string;
  /** Method and path, so one key cannot be reused for a different request. */
  route: string;
}

/** The HTTP side of a command: idempotent replay, then the bus, then the response shape. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly bus: CommandBus,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async run(request: CommandRequest): Promise<HttpAnswer> {
    const { idempotencyKey, principal } = request;
    const scope = `${principal.role}:${principal.subject}`;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([request.route, request.command]))
      .digest('hex');
    if (idempotencyKey) {
      const earlier = this.idempotency.get(scope, idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw problem(422, 'idempotency-key-reused', 'Idempotency-Key reused for a different request', {
            detail: 'This key was already used with another request; use a new key for a new request.',
          });
        }
        return {
          status: earlier.status,
          body: earlier.body as CaseResponse,
          headers: { ...earlier.headers, 'Idempotent-Replayed': 'true' },
        };
      }
    }
    const result: CommandResult = await this.bus.execute(
      new ExecuteCaseCommand(request.caseId, request.command, principal, {
        expectedRevision: request.expectedRevision,
        correlationId: request.correlationId,
        idempotencyKey,
      }),
    );
    const answer = toAnswer(result, request.command.type === 'HandOverClaim');
    if (idempotencyKey) this.idempotency.put(scope, idempotencyKey, { fingerprint, ...answer });
    return answer;
  }
}

function toAnswer(result: CommandResult, isHandover: boolean): HttpAnswer {
  const headers: Record<string, string> = { ETag: etagOf(result.revision) };
  if (isHandover) headers.Location = `/cases/${result.caseId}`;
  return {
    status: isHandover && result.created ? 201 : 200,
    headers,
    body: {
      case: caseViewOf(result.state, dateOf(result.at)),
      revision: String(result.revision),
      appended: result.events.map((e) => e.type),
    },
  };
}
