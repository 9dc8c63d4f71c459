import type { IncomingHttpHeaders } from 'node:http';
import {
  applyDecorators,
  createParamDecorator,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  SetMetadata,
} from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { CaseCommandType, CaseworkAction } from '@app/case-domain';
import type { Principal } from '@app/case-runtime';
import { parseIdempotencyKey, parseIfMatch, type ReplyHead } from '../http/headers';

/** Everything a command route reads from the request besides its body and the case id. */
export interface CommandContext {
  principal: Principal;
  expectedRevision?: bigint;
  idempotencyKey?: string;
  correlationId: string;
  response: ReplyHead;
}

export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const http = ctx.switchToHttp();
  const request = http.getRequest<{ principal: Principal; id: string; headers: IncomingHttpHeaders }>();
  return {
    principal: request.principal,
    expectedRevision: parseIfMatch(request.headers['if-match']),
    // Node joins a repeated header into one string (only Set-Cookie stays a list).
    idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key'] as string | undefined),
    correlationId: request.id,
    response: http.getResponse<ReplyHead>(),
  };
});

/** The case a command route acts on, from its path. */
export const CaseId = () => Param('caseId', ParseUUIDPipe);

export const COMMAND_KEY = 'case:command';

/** The command a route gives: the guard checks the caller may give it before the body is read. */
export const Gives = (command: CaseCommandType) => SetMetadata(COMMAND_KEY, command);

/** A command on an existing case: POST /cases/{caseId}/…, 200 with the case as it now stands. */
export const CommandRoute = (path: string, command: CaseworkAction, summary: string) =>
  applyDecorators(Post(`:caseId/${path}`), HttpCode(200), Gives(command), ApiOperation({ summary }));
