import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp } from '../src/bootstrap';
import { loadConfig, signDevToken, SimulatedClock, type Principal } from '@app/case-runtime';

export const SECRET = 'e2e-secret-0123456789abcdef0123456789';

/** The real app on a fresh SQLite file, with a simulated clock that starts on a 2025 Monday. */
export class Api {
  readonly clock: SimulatedClock;
  readonly dir: string;

  readonly logs?: DestinationStream;

  /**
   * Two instances given the same `dir` share one SQLite file, as two processes would. With
   * `logs`, the app logs at `info` into that stream (else it is silent).
   */
  constructor(options: { dir?: string; now?: string; logs?: DestinationStream } = {}) {
    this.dir = options.dir ?? mkdtempSync(join(tmpdir(), 'case-api-'));
    this.clock = new SimulatedClock(options.now ?? '2025-03-03T09:00:00.000Z');
    this.logs = options.logs;
  }

  app!: NestFastifyApplication;
  tokens: Record<string, string> = {};

  async start(env: Record<string, string> = {}): Promise<this> {
    const config = loadConfig({
      LOG_LEVEL: this.logs ? 'info' : 'silent',
      SQLITE_FILE: join(this.dir, 'engine.sqlite'),
      JWT_SECRET: SECRET,
      CLOCK: 'simulated',
      BODY_LIMIT: '64kb',
      TIMER_POLL_MS: '0',
      ...env,
    });
    this.app = await createApp(config, { clock: this.clock, silent: !this.logs, logDestination: this.logs });
    await this.app.init();
    // Fastify routes only once it is ready (its plugins loaded, the docs' static files among them):
    // `listen` waits for that, supertest on the bare server does not.
    await this.app.getHttpAdapter().getInstance().ready();
    this.tokens = {
      caseworker: await token({ subject: 'cw-1', role: 'caseworker' }),
      creditorA: await token({ subject: 'cr-a', role: 'creditor', creditorId: 'creditor-a' }),
      creditorB: await token({ subject: 'cr-b', role: 'creditor', creditorId: 'creditor-b' }),
      auditor: await token({ subject: 'au-1', role: 'auditor' }),
      billing: await token({ subject: 'bi-1', role: 'billing' }),
    };
    return this;
  }

  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.app?.close();
    if (!options.keepFiles) rmSync(this.dir, { recursive: true, force: true });
  }

  /** Moves the simulated clock (POST /dev/clock); due timers fire before it answers. */
  async advance(days: number): Promise<number> {
    const res = await this.http().post('/dev/clock').send({ advanceDays: days });
    if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.firedTimers;
  }

  /** The whole history, page by page (the route answers at most 500 events at a time). */
  async history(caseId: string, as = 'caseworker'): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let cursor: string | null = null;
    do {
      const res = await this.get(`/cases/${caseId}/history?limit=500${cursor ? `&cursor=${cursor}` : ''}`, as);
      if (res.status !== 200) throw new Error(`history: ${res.status} ${JSON.stringify(res.body)}`);
      events.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return events;
  }

  http() {
    return request(this.app.getHttpServer());
  }

  post(path: string, body: unknown, as = 'caseworker', headers: Record<string, string> = {}) {
    let r = this.http()
      .post(path)
      .set('Authorization', `Bearer ${this.tokens[as]}`)
      .send(body as object);
    for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
    return r;
  }

  get(path: string, as = 'caseworker') {
    return this.http().get(path).set('Authorization', `Bearer ${this.tokens[as]}`);
  }

  /** Hands over the standard claim and returns its case id. */
  async handOver(overrides: Record<string, unknown> = {}, as = 'caseworker'): Promise<string> {
    const res = await this.post('/cases', claim(overrides), as);
    if (res.status !== 201) throw new Error(`handover failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.case.caseId;
  }

  async historyLength(caseId: string): Promise<number> {
    return (await this.history(caseId)).length;
  }
}

export interface HistoryEvent {
  revision: string;
  type: string;
  data: Record<string, unknown>;
  actor: { kind: string };
  correlationId: string;
}

export function token(p: Principal) {
  return signDevToken(SECRET, p);
}

let counter = 0;
/** A consumer claim of 3 000 NOK on two lines for creditor A, due a month before the clock's day 0. */
export function claim(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    creditorId: 'creditor-a',
    creditorReference: `INV-${counter}`,
    debtor: {
      id: 'debtor-1',
      name: 'Kari Nordmann',
      kind: 'consumer',
      contact: { phone: '+4791234567', email: 'kari@example.no' },
    },
    invoice: {
      number: `${1000 + counter}`,
      issueDate: '2025-01-15',
      dueDate: '2025-02-01',
      currency: 'NOK',
      lines: [
        { lineId: 'L1', description: 'Installation', amount: 200000 },
        { lineId: 'L2', description: 'Service visit', amount: 100000 },
      ],
    },
    ...overrides,
  };
}
