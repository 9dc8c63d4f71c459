import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problems } from '../http/problem';
import type { CaseCommandType } from '@app/case-domain';
import { InvalidToken, mayGive, TokenVerifier, type Principal, type Role } from '@app/case-runtime';
import { COMMAND_KEY } from '../cases/command-context';
import { VerifiedTokens } from './verified-tokens';

const PUBLIC = 'auth:public';
const ROLES_KEY = 'auth:roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);

/** Every route needs a valid bearer token unless marked public; 401 without one, 403 for the wrong role. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;

  constructor(
    verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {
    this.tokens = new VerifiedTokens(verifier);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(.+)$/i);
    if (!match) throw Problems.unauthorized('A bearer token is required (Authorization: Bearer <token>).');
    try {
      request.principal = await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) throw Problems.unauthorized(`The token was refused: ${error.message}`);
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw Problems.forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    // Guards run before the body is validated: a caller who may not give the command learns only that.
    const command = this.reflector.get<CaseCommandType | undefined>(COMMAND_KEY, context.getHandler());
    if (command && !mayGive(request.principal, command)) {
      throw Problems.forbidden(`The ${request.principal.role} role may not ${command}.`);
    }
    return true;
  }
}
