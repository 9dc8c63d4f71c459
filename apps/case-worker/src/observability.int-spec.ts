import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import {
  CaseCommands,
  CaseRuntimeModule,
  EngineMetrics,
  EventStoreHealth,
  ProjectionLag,
  SimulatedClock,
  TimerService,
  caseIdFor,
  loadConfig,
  type CaseCommandEnvelope,
} from '@app/case-runtime';
import { CaseProjector } from '@app/read-models';
import { portOf, startOpsServer } from './ops-server';
import { WorkerModule } from './worker.module';

/** A pino destination the test reads: one parsed object a line. */
class Lines extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _: string, done: () => void) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe('the worker, observed: JSON logs with correlation ids, /health and /metrics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-worker-obs-'));
  const env = { SQLITE_FILE: join(dir, 'engine.sqlite'), CLOCK: 'simulated', TIMER_POLL_MS: '0' };
  const clock = new SimulatedClock('2025-03-03T09:00:00.000Z');
  const logs = new Lines();
  let api: INestApplicationContext;
  let worker: INestApplicationContext;
  let ops: Server;
  const caseId = caseIdFor('creditor-a', 'OBS-1');

  beforeAll(async () => {
    api = await NestFactory.createApplicationContext(
      CaseRuntimeModule.forRoot(loadConfig({ ...env, WORKERS: 'separate' }), { clock }),
      { logger: false },
    );
    await api.init();
    const run = async (command: CaseCommandEnvelope['command'], correlationId: string) => {
      const outcome = await api.get(CaseCommands).execute({
        caseId,
        command,
        principal: { subject: 'cw-1', role: 'caseworker' },
        correlationId,
      });
      expect(outcome.kind).toBe('accepted');
    };
    await run({ type: 'HandOverClaim', data: handover() }, 'req-handover');
    await run({ type: 'RegisterObjection', data: { debtorStatement: 'Kari says no', channel: 'written' } }, 'req-2');
    await run({ type: 'ReferObjectionToCreditor', data: {} }, 'req-3');

    const logger = pino({ level: 'debug' }, logs);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(env), { clock }, logger), {
      bufferLogs: true,
    });
    worker.useLogger(worker.get(Logger));
    await worker.init();
    ops = await startOpsServer(
      { lag: worker.get(ProjectionLag), eventStore: worker.get(EventStoreHealth), metrics: worker.get(EngineMetrics) },
      '127.0.0.1',
      0,
    );
  });
  afterAll(async () => {
    ops?.close();
    await worker?.close();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a deadline passed, when the worker fires it and projects, then its log lines are JSON with the correlation ids, and nothing personal', async () => {
    clock.set('2025-03-18T09:00:00.000Z');
    expect(await worker.get(TimerService).runDue()).toBe(1);
    await worker.get(CaseProjector).catchUp();

    const fired = logs.lines.find((line) => line.msg === 'Timer fired');
    expect(fired).toMatchObject({ correlationId: expect.stringMatching(/^timer:/), caseId, context: 'TimerService' });
    const projected = logs.lines.filter((line) => line.msg === 'Projected');
    const ids = projected.flatMap((line) => line.correlationIds as string[]);
    expect(ids).toEqual(expect.arrayContaining(['req-handover', 'req-2', 'req-3', fired!.correlationId]));
    const text = JSON.stringify(logs.lines);
    expect(text).not.toContain('Kari');
  });

  it('given the worker running, then GET /health answers 200 and GET /metrics has its lag, timers and commands', async () => {
    const base = `http://127.0.0.1:${portOf(ops)}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', projection: { status: 'up', events: 0 } });

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^projection_lag_events\{projection="read-models"\} 0$/m);
    expect(metrics).toMatch(/^case_timers_fired_total 1$/m);
    expect(metrics).toMatch(/^case_timers_due 0$/m);
    expect(metrics).toMatch(/^case_commands_total\{command="FireDeadline",outcome="accepted"\} 1$/m);
    expect(metrics).toMatch(/^event_store_append_seconds_count\{store="sqlite"\} 1$/m);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });
});

function handover() {
  const caseId = caseIdFor('creditor-a', 'OBS-1');
  return {
    caseId,
    creditorId: 'creditor-a',
    creditorReference: 'OBS-1',
    debtor: { id: 'debtor-1', name: 'Kari Nordmann', kind: 'consumer' as const, contact: {} },
    invoice: {
      number: '1',
      issueDate: '2025-01-15',
      dueDate: '2025-02-01',
      currency: 'NOK' as const,
      lines: [{ lineId: 'L1', description: 'Installation', amount: 200000 }],
    },
  };
}
