import { createPrivateKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { RETENTION_YEARS } from '@app/case-domain';
import { parseMasterKey } from '@app/privacy';

export interface AppConfig {
  port: number;
  /** The address the API binds to: loopback by default, 0.0.0.0 in a container. */
  host: string;
  production: boolean;
  /** The embedded default: one SQLite file for events (and, beside it, the local tables). */
  sqliteFile: string;
  /**
   * When the embedded store answers an append: `full` once it is on disk (survives an OS crash or
   * power loss; the production default), `normal` once SQLite has it (survives a crash of the process).
   */
  sqliteSynchronous: 'full' | 'normal';
  /** When set, EventStoreDB is the system of record. */
  eventstoreUrl?: string;
  /** Read models: PostgreSQL when set (with an optional schema), else SQLite beside the events. */
  readModels: { databaseUrl?: string; schema?: string; sqliteFile: string };
  clock: 'system' | 'simulated';
  auth: { jwtSecret?: string; oidcIssuer?: string; jwksUrl?: string; audience?: string; maxTokenHours: number };
  /** Largest JSON body accepted. */
  bodyLimit: string;
  /** How often due timers are looked for (0: only when asked, as the tests and /dev/clock do). */
  timers: { pollMs: number };
  /** `in-process`: the API runs the projector and the timer service (embedded default); `separate`: the worker does. */
  workers: 'in-process' | 'separate';
  logLevel: LogLevel;
  /** Whether `/docs` (OpenAPI) and `/metrics` are served: both can be closed in production. */
  docs: boolean;
  metrics: boolean;
  /** How long an Idempotency-Key is remembered: a retry within it gets the first answer. */
  idempotency: { keyLifetimeHours: number };
  /**
   * Personal data: the master key that wraps each debtor's key, and how many years after the
   * end of the accounting year a closed case's personal data is kept (RULES.md).
   */
  personalData: { masterKey: Buffer; retentionYears: number };
  /** How many cases' folded state the command path keeps (0: none, every load folds the whole stream). */
  caseCache: { cases: number };
  /**
   * Audit: how often an anchor over `$all` is appended where the timers run (0: never; the CLI's
   * `audit anchor` still can), and the Ed25519 private key (PKCS#8 PEM, or its DER as base64) that
   * signs case exports.
   */
  audit: { anchorEveryMinutes: number; signingKey?: string };
  /**
   * Billing integration: with a RabbitMQ URL, the process that runs the background work (the
   * worker, or the API with WORKERS=in-process) relays the billing feed to `exchange`; without one no relay runs.
   */
  billing: { rabbitmqUrl?: string; exchange: string };
  /** OpenTelemetry traces: off (`none`) unless an exporter is chosen; OTLP reads its endpoint from OTEL_EXPORTER_OTLP_ENDPOINT. */
  tracing: { exporter: 'none' | 'otlp' | 'console'; serviceName?: string };
}

/** A setting the process cannot start with; the message names the setting and what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Published in this repository, so it may sign tokens only outside production. */
export const DEV_SECRET = 'dev-secret-change-me-0123456789abcdef';
const MIN_SECRET_BYTES = 32;
/** Published in this repository, so it may wrap personal-data keys only outside production. */
export const DEV_PERSONAL_DATA_KEY = '6465762d706572736f6e616c2d646174612d6b65792d6e6f742d736563726574';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const got = (input: unknown) => `(got ${JSON.stringify(input)})`;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be one of ${values.join(', ')} ${got(issue.input)}` });

const wholeNumber = (min: number, max: number) => {
  const error = (issue: { input?: unknown }) => `must be a whole number from ${min} to ${max} ${got(issue.input)}`;
  return z
    .string()
    .refine((text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max, { error })
    .transform(Number);
};

const urlWith = (...protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    {
      error: (issue) =>
        `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')} ${got(issue.input)}`,
    },
  );

const Environment = z
  .object({
    NODE_ENV: oneOf(['development', 'test', 'production']).optional(),
    PORT: wholeNumber(0, 65_535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().optional(),
    SQLITE_FILE: z.string().optional(),
    SQLITE_SYNCHRONOUS: oneOf(['full', 'normal']).optional(),
    READ_MODELS_SQLITE_FILE: z.string().optional(),
    EVENTSTORE_URL: urlWith('esdb:', 'esdb+discover:').optional(),
    DATABASE_URL: urlWith('postgres:', 'postgresql:').optional(),
    READ_MODELS_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/i, { error: (issue) => `must be a plain SQL identifier ${got(issue.input)}` })
      .optional(),
    CLOCK: oneOf(['system', 'simulated']).default('system'),
    JWT_SECRET: z.string().optional(),
    OIDC_ISSUER: urlWith('https:', 'http:').optional(),
    OIDC_JWKS_URL: urlWith('https:', 'http:').optional(),
    JWT_AUDIENCE: z.string().optional(),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, { error: (issue) => `must be a size such as 100kb or 1mb ${got(issue.input)}` })
      .default('100kb'),
    TIMER_POLL_MS: wholeNumber(0, 86_400_000).default(1000),
    WORKERS: oneOf(['in-process', 'separate']).default('in-process'),
    LOG_LEVEL: oneOf(LOG_LEVELS).optional(),
    IDEMPOTENCY_KEY_HOURS: wholeNumber(1, 24 * 365).default(24),
    CASE_CACHE_SIZE: wholeNumber(0, 10_000_000).default(10_000),
    TOKEN_MAX_HOURS: wholeNumber(1, 24 * 30).default(24),
    DOCS: oneOf(['enabled', 'disabled']).optional(),
    METRICS: oneOf(['enabled', 'disabled']).default('enabled'),
    PERSONAL_DATA_KEY: z
      .string()
      .refine(isMasterKey, { error: (issue) => `${masterKeyProblem(String(issue.input))}` })
      .optional(),
    PERSONAL_DATA_RETENTION_YEARS: wholeNumber(0, 100).default(RETENTION_YEARS),
    AUDIT_ANCHOR_MINUTES: wholeNumber(0, 10_080).default(60),
    AUDIT_SIGNING_KEY: z
      .string()
      .refine(isSigningKey, { error: () => 'must be an Ed25519 private key (PKCS#8 PEM, or its DER as base64)' })
      .optional(),
    RABBITMQ_URL: urlWith('amqp:', 'amqps:').optional(),
    BILLING_EXCHANGE: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,200}$/, {
        error: (issue) => `must be an exchange name of letters, digits and . _ : - ${got(issue.input)}`,
      })
      .default('billing.events'),
    OTEL_TRACES_EXPORTER: oneOf(['none', 'otlp', 'console']).default('none'),
    OTEL_SERVICE_NAME: z.string().optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: urlWith('https:', 'http:').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (env.CLOCK === 'simulated') {
      ctx.addIssue({ code: 'custom', path: ['CLOCK'], message: 'must be system with NODE_ENV=production' });
    }
    if (!env.PERSONAL_DATA_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['PERSONAL_DATA_KEY'],
        message: 'is required with NODE_ENV=production (32 bytes as 64 hex digits or base64)',
      });
    } else if (parseMasterKey(env.PERSONAL_DATA_KEY).equals(parseMasterKey(DEV_PERSONAL_DATA_KEY))) {
      ctx.addIssue({
        code: 'custom',
        path: ['PERSONAL_DATA_KEY'],
        message: 'must not be the published development key in production',
      });
    }
    if (env.OIDC_ISSUER) return;
    const secret = env.JWT_SECRET;
    if (!secret) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required with NODE_ENV=production (or OIDC_ISSUER)',
      });
    } else if (secret === DEV_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'must not be the published dev secret in production',
      });
    } else if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: `must be at least ${MIN_SECRET_BYTES} bytes in production (got ${Buffer.byteLength(secret)})`,
      });
    }
  });

/**
 * The configuration of every process (API, worker, CLI), from the environment, checked once at
 * start: a bad value stops the process with one line naming the setting and what is allowed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable is an unset one (`FOO= npm start`).
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Environment.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = e.DATA_DIR ?? join(process.cwd(), '.data');
  return {
    port: e.PORT,
    host: e.HOST,
    production,
    sqliteFile: e.SQLITE_FILE ?? join(dataDir, 'engine.sqlite'),
    // Group commit makes an fsync per append cheap enough for production; on a developer's machine
    // and in tests, surviving a crash of the process is enough.
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS ?? (production ? 'full' : 'normal'),
    eventstoreUrl: e.EVENTSTORE_URL,
    readModels: {
      databaseUrl: e.DATABASE_URL,
      schema: e.READ_MODELS_SCHEMA,
      sqliteFile:
        e.READ_MODELS_SQLITE_FILE ??
        (e.SQLITE_FILE
          ? `${e.SQLITE_FILE.replace(/\.sqlite$/, '')}.read-models.sqlite`
          : join(dataDir, 'read-models.sqlite')),
    },
    clock: e.CLOCK,
    auth: {
      jwtSecret: e.JWT_SECRET ?? (production ? undefined : DEV_SECRET),
      oidcIssuer: e.OIDC_ISSUER,
      jwksUrl: e.OIDC_JWKS_URL,
      audience: e.JWT_AUDIENCE,
      maxTokenHours: e.TOKEN_MAX_HOURS,
    },
    // The API's shape is no secret in development; in production it is served only when asked for.
    docs: (e.DOCS ?? (production ? 'disabled' : 'enabled')) === 'enabled',
    metrics: e.METRICS === 'enabled',
    bodyLimit: e.BODY_LIMIT,
    timers: { pollMs: e.TIMER_POLL_MS },
    workers: e.WORKERS,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    idempotency: { keyLifetimeHours: e.IDEMPOTENCY_KEY_HOURS },
    personalData: {
      masterKey: parseMasterKey(e.PERSONAL_DATA_KEY ?? DEV_PERSONAL_DATA_KEY),
      retentionYears: e.PERSONAL_DATA_RETENTION_YEARS,
    },
    caseCache: { cases: e.CASE_CACHE_SIZE },
    audit: { anchorEveryMinutes: e.AUDIT_ANCHOR_MINUTES, signingKey: e.AUDIT_SIGNING_KEY },
    billing: { rabbitmqUrl: e.RABBITMQ_URL, exchange: e.BILLING_EXCHANGE },
    tracing: { exporter: e.OTEL_TRACES_EXPORTER, serviceName: e.OTEL_SERVICE_NAME },
  };
}

/** Whether the text is an Ed25519 private key; never echoes it (it may be a real one with a typo). */
function isSigningKey(text: string): boolean {
  try {
    return signingKeyOf(text).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** AUDIT_SIGNING_KEY as a key: PEM as it is, else base64 of the PKCS#8 DER. */
export function signingKeyOf(text: string): KeyObject {
  return text.includes('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
}

function isMasterKey(text: string): boolean {
  try {
    parseMasterKey(text);
    return true;
  } catch {
    return false;
  }
}

/** Why a master key was refused; never the key itself, which may be a real one with a typo. */
function masterKeyProblem(text: string): string {
  try {
    parseMasterKey(text);
    return '';
  } catch (error) {
    return (error as Error).message.replace(/^The master key /, '');
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
