import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../config/config';
import { ROLES, type Principal, type Role } from './principal';

export class InvalidToken extends Error {}

/**
 * Verifies bearer tokens: HS256 with the configured secret by default, or an OIDC issuer's
 * keys (JWKS) when one is configured. Roles come from the `role` claim (or the first known
 * entry of `roles`); a creditor token must carry `creditorId`.
 */
export class TokenVerifier {
  private readonly jwks?: JWTVerifyGetKey;
  private readonly secret?: Uint8Array;

  constructor(private readonly config: AppConfig['auth']) {
    if (config.oidcIssuer) {
      const url = config.jwksUrl ?? `${config.oidcIssuer.replace(/\/$/, '')}/.well-known/jwks.json`;
      this.jwks = createRemoteJWKSet(new URL(url));
    } else if (config.jwtSecret) {
      this.secret = new TextEncoder().encode(config.jwtSecret);
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      // A token without an expiry would be good for ever: refused.
      const options = { issuer: this.config.oidcIssuer, audience: this.config.audience, requiredClaims: ['exp'] };
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, options)).payload
        : (await jwtVerify(token, this.secret!, { ...options, algorithms: ['HS256'] })).payload;
    } catch (error) {
      throw new InvalidToken(error instanceof Error ? error.message : 'invalid token');
    }
    const lifetime = payload.exp! - (payload.iat ?? Math.floor(Date.now() / 1000));
    if (lifetime > this.config.maxTokenHours * 3600) {
      throw new InvalidToken(`The token lives longer than ${this.config.maxTokenHours} hours.`);
    }
    const claimed = [payload.role, ...(Array.isArray(payload.roles) ? payload.roles : [])];
    const role = claimed.find((r): r is Role => (ROLES as readonly unknown[]).includes(r));
    if (!role) throw new InvalidToken(`The token carries none of the roles ${ROLES.join(', ')}.`);
    if (!payload.sub) throw new InvalidToken('The token has no subject.');
    const creditorId = typeof payload.creditorId === 'string' ? payload.creditorId : undefined;
    if (role === 'creditor' && !creditorId) throw new InvalidToken('A creditor token must carry creditorId.');
    return { subject: payload.sub, role, creditorId: role === 'creditor' ? creditorId : undefined };
  }
}

/** A development token (HS256), for the CLI and the tests. */
export async function signDevToken(secret: string, principal: Principal, ttl = '8h'): Promise<string> {
  const claims: JWTPayload = { role: principal.role };
  if (principal.creditorId) claims.creditorId = principal.creditorId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.subject)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
