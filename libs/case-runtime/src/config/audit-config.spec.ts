import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig, signingKeyOf } from './config';

describe('the audit configuration', () => {
  it('anchors hourly by default, and takes AUDIT_ANCHOR_MINUTES=0 to anchor only when asked', () => {
    expect(loadConfig({}).audit).toEqual({ anchorEveryMinutes: 60, signingKey: undefined });
    expect(loadConfig({ AUDIT_ANCHOR_MINUTES: '0' }).audit.anchorEveryMinutes).toBe(0);
  });

  it('takes an Ed25519 signing key as PEM or as base64 DER, and refuses anything else without echoing it', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(signingKeyOf(loadConfig({ AUDIT_SIGNING_KEY: pem }).audit.signingKey!).asymmetricKeyType).toBe('ed25519');
    expect(signingKeyOf(loadConfig({ AUDIT_SIGNING_KEY: der }).audit.signingKey!).asymmetricKeyType).toBe('ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    for (const bad of ['not-a-key', rsa.toString()]) {
      expect(() => loadConfig({ AUDIT_SIGNING_KEY: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ AUDIT_SIGNING_KEY: bad })).toThrow(/AUDIT_SIGNING_KEY must be an Ed25519 private key/);
    }
    try {
      loadConfig({ AUDIT_SIGNING_KEY: 'not-a-key' });
    } catch (error) {
      expect((error as Error).message).not.toContain('not-a-key');
    }
  });
});
