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
import type { Request, Response } from 'express';
import type { CaseCommandType, CaseworkAction } from '@app/case-domain';
import type { Principal } from '@app/case-runtime';
import { parseIdempotencyKey, parseIfMatch } from '../http/headers';

/** Everything a command route reads from the request besides its body and the case id. */
export interface CommandContext {
  principal: Principal;
  expectedRevision?: bigint;
  idempotencyKey?: string;
  correlationId: string;
  response: Response;
}

export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const http = ctx.switchToHttp();
  const request = http.getRequest<Request & { principal: Principal; id?: unknown }>();
  return {
    principal: request.principal,
    expectedRevision: parseIfMatch(request.header('if-match')),
    idempotencyKey: parseIdempotencyKey(request.header('idempotency-key')),
    correlationId: String(request.id ?? ''),
    response: http.getResponse<Response>(),
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
