import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problems } from '../http/problem';
import { InvalidToken, TokenVerifier, type Principal, type Role } from '@app/case-runtime';

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
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(.+)$/i);
    if (!match) throw Problems.unauthorized('A bearer token is required (Authorization: Bearer <token>).');
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) throw Problems.unauthorized(`The token was refused: ${error.message}`);
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw Problems.forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
