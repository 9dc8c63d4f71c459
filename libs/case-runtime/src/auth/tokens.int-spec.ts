import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { InvalidToken, signDevToken, TokenVerifier } from './tokens';

describe('bearer tokens', () => {
  it('given the HS256 secret, then a dev token verifies with its role and creditor', async () => {
    const verifier = new TokenVerifier({ jwtSecret: 'a'.repeat(32), maxTokenHours: 24 });
    const token = await signDevToken('a'.repeat(32), { subject: 'cr-1', role: 'creditor', creditorId: 'c-9' });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'cr-1', role: 'creditor', creditorId: 'c-9' });
    await expect(new TokenVerifier({ jwtSecret: 'b'.repeat(32), maxTokenHours: 24 }).verify(token)).rejects.toThrow(
      InvalidToken,
    );
  });

  it('refuses a token with no known role, and an expired one', async () => {
    const verifier = new TokenVerifier({ jwtSecret: 'a'.repeat(32), maxTokenHours: 24 });
    const key = new TextEncoder().encode('a'.repeat(32));
    const noRole = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(key);
    await expect(verifier.verify(noRole)).rejects.toThrow(/roles/);
    const expired = await new SignJWT({ role: 'caseworker' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime(1)
      .sign(key);
    await expect(verifier.verify(expired)).rejects.toThrow(InvalidToken);
  });

  it('refuses a token without an expiry, and one that lives longer than TOKEN_MAX_HOURS', async () => {
    const verifier = new TokenVerifier({ jwtSecret: 'a'.repeat(32), maxTokenHours: 24 });
    const key = new TextEncoder().encode('a'.repeat(32));
    const forever = await new SignJWT({ role: 'caseworker' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(key);
    await expect(verifier.verify(forever)).rejects.toThrow(/exp/);
    const yearLong = await signDevToken('a'.repeat(32), { subject: 'x', role: 'caseworker' }, '365d');
    await expect(verifier.verify(yearLong)).rejects.toThrow(/longer than 24 hours/);
    const day = await signDevToken('a'.repeat(32), { subject: 'x', role: 'caseworker' }, '24h');
    await expect(verifier.verify(day)).resolves.toMatchObject({ role: 'caseworker' });
  });

  describe('with an OIDC issuer', () => {
    let server: Server;
    let issuer: string;
    let sign: (claims: Record<string, unknown>, iss?: string) => Promise<string>;

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(req.url === '/.well-known/jwks.json' ? { keys: [jwk] } : {}));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      sign = (claims, iss = issuer) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(iss)
          .setSubject('user-7')
          .setAudience('case-api')
          .setExpirationTime('5m')
          .sign(privateKey);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('verifies its tokens against the JWKS, reading the role from `roles`', async () => {
      const verifier = new TokenVerifier({ oidcIssuer: issuer, audience: 'case-api', maxTokenHours: 24 });
      await expect(verifier.verify(await sign({ roles: ['offline_access', 'auditor'] }))).resolves.toEqual({
        subject: 'user-7',
        role: 'auditor',
      });
    });

    it('refuses a token from another issuer or signed with the shared secret', async () => {
      const verifier = new TokenVerifier({
        oidcIssuer: issuer,
        audience: 'case-api',
        jwtSecret: 'a'.repeat(32),
        maxTokenHours: 24,
      });
      await expect(verifier.verify(await sign({ role: 'caseworker' }, 'https://elsewhere'))).rejects.toThrow(
        InvalidToken,
      );
      const hs = await signDevToken('a'.repeat(32), { subject: 'x', role: 'caseworker' });
      await expect(verifier.verify(hs)).rejects.toThrow(InvalidToken);
    });
  });
});
