import { join } from 'node:path';

export interface AppConfig {
  port: number;
  production: boolean;
  /** The embedded default: one SQLite file for events (and, later, read models). */
  sqliteFile: string;
  /** When set, EventStoreDB is the system of record. */
  eventstoreUrl?: string;
  /** Read models: PostgreSQL when set (with an optional schema), else SQLite beside the events. */
  readModels: { databaseUrl?: string; schema?: string; sqliteFile: string };
  clock: 'system' | 'simulated';
  auth: { jwtSecret?: string; oidcIssuer?: string; jwksUrl?: string; audience?: string };
  /** Largest JSON body accepted. */
  bodyLimit: string;
  /** How often due timers are looked for (0: only when asked, as the tests and /dev/clock do). */
  timers: { pollMs: number };
  /** `in-process`: the API runs the projector and the timer service (embedded default); `separate`: the worker does. */
  workers: 'in-process' | 'separate';
}

const DEV_SECRET = 'dev-secret-change-me-0123456789abcdef';

/** Configuration from the environment, checked once at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const clock = env.CLOCK === 'simulated' ? 'simulated' : 'system';
  if (production && clock === 'simulated') throw new Error('CLOCK=simulated is refused in production mode.');
  if (production && !env.JWT_SECRET && !env.OIDC_ISSUER)
    throw new Error('Set JWT_SECRET or OIDC_ISSUER in production mode.');
  return {
    port: Number(env.PORT ?? 3000),
    production,
    sqliteFile: env.SQLITE_FILE ?? join(env.DATA_DIR ?? join(process.cwd(), '.data'), 'engine.sqlite'),
    eventstoreUrl: env.EVENTSTORE_URL || undefined,
    readModels: {
      databaseUrl: env.DATABASE_URL || undefined,
      schema: env.READ_MODELS_SCHEMA || undefined,
      sqliteFile:
        env.READ_MODELS_SQLITE_FILE ??
        (env.SQLITE_FILE
          ? `${env.SQLITE_FILE.replace(/\.sqlite$/, '')}.read-models.sqlite`
          : join(env.DATA_DIR ?? join(process.cwd(), '.data'), 'read-models.sqlite')),
    },
    clock,
    auth: {
      jwtSecret: env.JWT_SECRET ?? (production ? undefined : DEV_SECRET),
      oidcIssuer: env.OIDC_ISSUER || undefined,
      jwksUrl: env.OIDC_JWKS_URL || undefined,
      audience: env.JWT_AUDIENCE || undefined,
    },
    bodyLimit: env.BODY_LIMIT ?? '100kb',
    timers: { pollMs: Number(env.TIMER_POLL_MS ?? 1000) },
    workers: env.WORKERS === 'separate' ? 'separate' : 'in-process',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
