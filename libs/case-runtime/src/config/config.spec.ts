import { randomBytes } from 'node:crypto';
import { ConfigError, DEV_PERSONAL_DATA_KEY, DEV_SECRET, loadConfig } from './config';

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
};

describe('one validated configuration for the API, the worker and the CLI', () => {
  it('given nothing set, then it runs the embedded default on loopback with the dev secret', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      production: false,
      clock: 'system',
      workers: 'in-process',
      bodyLimit: '100kb',
      timers: { pollMs: 1000 },
      auth: { jwtSecret: DEV_SECRET },
      sqliteSynchronous: 'normal',
    });
    expect(config.sqliteFile).toMatch(/\.data\/engine\.sqlite$/);
    expect(config.readModels).toMatchObject({ databaseUrl: undefined });
  });

  it('given no RABBITMQ_URL, then no billing relay runs; given one, it relays to the named exchange', () => {
    expect(loadConfig({}).billing).toEqual({ rabbitmqUrl: undefined, exchange: 'billing.events' });
    expect(
      loadConfig({ RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5672', BILLING_EXCHANGE: 'billing.test' }).billing,
    ).toEqual({ rabbitmqUrl: 'amqp://guest:guest@127.0.0.1:5672', exchange: 'billing.test' });
    expect(refusal({ RABBITMQ_URL: 'http://broker' })).toContain(
      'RABBITMQ_URL must be a URL starting with amqp:// or amqps://',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ WORKERS: '', PORT: '' })).toMatchObject({ workers: 'in-process', port: 3000 });
  });

  it('given a misspelt value, then it names the setting and what is allowed, on one line', () => {
    const message = refusal({ WORKERS: 'seperate' });
    expect(message).toBe('Invalid configuration: WORKERS must be one of in-process, separate (got "seperate")');
    expect(message).not.toContain('\n');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535'],
    [{ TIMER_POLL_MS: '-5' }, 'TIMER_POLL_MS must be a whole number'],
    [{ EVENTSTORE_URL: 'localhost:2113' }, 'EVENTSTORE_URL must be a URL starting with esdb:// or esdb+discover://'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must be a URL starting with postgres:// or postgresql://'],
    [{ OIDC_ISSUER: 'not a url' }, 'OIDC_ISSUER must be a URL'],
    [{ BODY_LIMIT: 'huge' }, 'BODY_LIMIT must be a size such as 100kb or 1mb'],
    [{ READ_MODELS_SCHEMA: 'x"; drop' }, 'READ_MODELS_SCHEMA must be a plain SQL identifier'],
    [{ CLOCK: 'fast' }, 'CLOCK must be one of system, simulated'],
    [{ SQLITE_SYNCHRONOUS: 'off' }, 'SQLITE_SYNCHRONOUS must be one of full, normal (got "off")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
  ])('refuses %j', (env, expected) => {
    expect(refusal(env)).toContain(expected);
  });

  it('names every bad setting at once', () => {
    const message = refusal({ WORKERS: 'both', CLOCK: 'fast' });
    expect(message).toContain('WORKERS must be');
    expect(message).toContain('CLOCK must be');
  });

  describe('in production', () => {
    const secret = 's'.repeat(40);
    const PERSONAL_DATA_KEY = randomBytes(32).toString('hex');

    it('given no secret and no OIDC issuer, then it will not start', () => {
      expect(refusal({ NODE_ENV: 'production' })).toContain('JWT_SECRET is required with NODE_ENV=production');
    });

    it('given the published dev secret or a short one, then it will not start', () => {
      expect(refusal({ NODE_ENV: 'production', JWT_SECRET: DEV_SECRET })).toContain(
        'must not be the published dev secret',
      );
      expect(refusal({ NODE_ENV: 'production', JWT_SECRET: 'x' })).toContain('at least 32 bytes');
    });

    it('given a simulated clock, then it will not start', () => {
      expect(refusal({ NODE_ENV: 'production', JWT_SECRET: secret, CLOCK: 'simulated' })).toContain(
        'CLOCK must be system with NODE_ENV=production',
      );
    });

    it('waits for the disk before answering an append, unless told otherwise', () => {
      const production = { NODE_ENV: 'production', JWT_SECRET: secret, PERSONAL_DATA_KEY } as const;
      expect(loadConfig(production).sqliteSynchronous).toBe('full');
      expect(loadConfig({ ...production, SQLITE_SYNCHRONOUS: 'normal' }).sqliteSynchronous).toBe('normal');
      expect(loadConfig({ SQLITE_SYNCHRONOUS: 'full' }).sqliteSynchronous).toBe('full');
    });

    it('given a strong secret or an OIDC issuer, then it starts without the dev secret', () => {
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, PERSONAL_DATA_KEY }).auth.jwtSecret).toBe(secret);
      const oidc = loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example.no', PERSONAL_DATA_KEY });
      expect(oidc.auth).toMatchObject({ jwtSecret: undefined, oidcIssuer: 'https://id.example.no' });
    });

    it('given no personal-data key, or the published development one, then it will not start', () => {
      expect(refusal({ NODE_ENV: 'production', JWT_SECRET: secret })).toContain(
        'PERSONAL_DATA_KEY is required with NODE_ENV=production',
      );
      expect(
        refusal({ NODE_ENV: 'production', JWT_SECRET: secret, PERSONAL_DATA_KEY: DEV_PERSONAL_DATA_KEY }),
      ).toContain('PERSONAL_DATA_KEY must not be the published development key in production');
    });
  });

  describe('personal data', () => {
    it('given nothing set, then keys are wrapped with the development key and kept five years after the accounting year', () => {
      const config = loadConfig({});
      expect(config.personalData.masterKey.equals(Buffer.from(DEV_PERSONAL_DATA_KEY, 'hex'))).toBe(true);
      expect(config.personalData.retentionYears).toBe(5);
    });

    it('takes a master key as hex or base64, and another retention period', () => {
      const key = randomBytes(32);
      const config = loadConfig({ PERSONAL_DATA_KEY: key.toString('base64'), PERSONAL_DATA_RETENTION_YEARS: '10' });
      expect(config.personalData.masterKey.equals(key)).toBe(true);
      expect(config.personalData.retentionYears).toBe(10);
    });

    it('given a key of the wrong size, then it says what it must be without echoing it', () => {
      const message = refusal({ PERSONAL_DATA_KEY: 'abc123-secret-ish' });
      expect(message).toContain('PERSONAL_DATA_KEY must be exactly 32 bytes, given as 64 hex digits or 44 base64');
      expect(message).not.toContain('abc123-secret-ish');
    });
  });
});
