import type { Principal, TokenVerifier } from '@app/case-runtime';

/** Verified tokens kept at most this long, even when they live longer: a key taken out of the issuer's JWKS stops working within it. */
const KEPT_MS = 60_000;
const MAX_TOKENS = 10_000;

/**
 * A client sends the same bearer token with every request: its signature is checked once, and
 * the principal kept until the token expires (or a minute has passed, whichever is first).
 * A token is looked up by its exact text, so only the very token that was verified is let in.
 */
export class VerifiedTokens {
  private readonly known = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const hit = this.known.get(token);
    if (hit && hit.until > now) return hit.principal;
    if (hit) this.known.delete(token);
    const principal = await this.verifier.verify(token);
    if (this.known.size >= MAX_TOKENS) this.known.delete(this.known.keys().next().value!);
    this.known.set(token, { principal, until: Math.min(now + KEPT_MS, expiryOf(token) ?? now) });
    return principal;
  }
}

/** The `exp` of a token the verifier has just accepted (so it has one), in ms. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
