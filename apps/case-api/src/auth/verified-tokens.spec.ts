import { signDevToken, TokenVerifier, type Principal } from '@app/case-runtime';
import { VerifiedTokens } from './verified-tokens';

const SECRET = 'unit-secret-0123456789abcdef0123456789';
const CASEWORKER: Principal = { subject: 'cw-1', role: 'caseworker' };

/** The real verifier, counting how often it is asked. */
class CountingVerifier extends TokenVerifier {
  calls = 0;
  override verify(token: string) {
    this.calls += 1;
    return super.verify(token);
  }
}

describe('verified bearer tokens', () => {
  const verifier = new CountingVerifier({ jwtSecret: SECRET, maxTokenHours: 24 });
  let now = Date.now();
  const tokens = new VerifiedTokens(verifier, () => now);

  beforeEach(() => (verifier.calls = 0));

  it('checks a token once, then knows it', async () => {
    const token = await signDevToken(SECRET, CASEWORKER);
    expect(await tokens.verify(token)).toEqual(CASEWORKER);
    expect(await tokens.verify(token)).toEqual(CASEWORKER);
    expect(verifier.calls).toBe(1);
  });

  it('checks it again after a minute, and after it expired', async () => {
    const token = await signDevToken(SECRET, CASEWORKER, '90s');
    await tokens.verify(token);
    now += 61_000;
    await tokens.verify(token);
    expect(verifier.calls).toBe(2);
    now += 40_000; // past exp as the cache sees it
    await tokens.verify(token).catch(() => undefined);
    expect(verifier.calls).toBe(3);
    now = Date.now();
  });

  it('lets in only the very token verified: the same claims under another signature are refused', async () => {
    const token = await signDevToken(SECRET, { subject: 'cw-2', role: 'caseworker' });
    await tokens.verify(token);
    const [head, payload] = token.split('.');
    const forged = `${head}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    await expect(tokens.verify(forged)).rejects.toThrow();
    await expect(tokens.verify(forged)).rejects.toThrow();
    expect(verifier.calls).toBe(3);
  });
});
