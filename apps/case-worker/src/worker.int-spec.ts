import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CaseProjector, CaseQueries } from '@app/read-models';
import {
  CaseCommands,
  CaseRuntimeModule,
  SimulatedClock,
  TimerService,
  caseIdFor,
  loadConfig,
  type CaseCommandEnvelope,
  type Principal,
} from '@app/case-runtime';
import { WorkerModule } from './worker.module';

const CASEWORKER: Principal = { subject: 'cw-1', role: 'caseworker' };

describe('the worker as a separate process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-worker-'));
  const env = { SQLITE_FILE: join(dir, 'engine.sqlite'), CLOCK: 'simulated', TIMER_POLL_MS: '0' };
  const clock = new SimulatedClock('2025-03-03T09:00:00.000Z');
  let api: INestApplicationContext;
  let worker: INestApplicationContext;

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given API instances with WORKERS=separate, then the worker projects the cases and fires their deadlines, once', async () => {
    // An API instance's runtime, leaving the background work to the worker.
    const apiConfig = loadConfig({ ...env, WORKERS: 'separate' });
    api = await NestFactory.createApplicationContext(CaseRuntimeModule.forRoot(apiConfig, { clock }), {
      logger: false,
    });
    await api.init();
    const commands = api.get(CaseCommands);
    const caseId = caseIdFor('creditor-a', 'INV-1');
    const run = async (command: CaseCommandEnvelope['command']) => {
      const outcome = await commands.execute({ caseId, command, principal: CASEWORKER, correlationId: 'test' });
      expect(outcome.kind).toBe('accepted');
    };
    await run({ type: 'HandOverClaim', data: handover(caseId) });
    await run({ type: 'RegisterObjection', data: { debtorStatement: 'No', channel: 'written' } });
    await run({ type: 'ReferObjectionToCreditor', data: {} });
    expect(api.get(CaseProjector).status.state).toBe('stopped');

    clock.set('2025-03-18T09:00:00.000Z');
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(env), { clock }), {
      logger: false,
    });
    await worker.init();
    expect(await worker.get(TimerService).runDue()).toBe(1);
    expect(await worker.get(TimerService).runDue()).toBe(0);
    await worker.get(CaseProjector).catchUp();
    const summary = await worker.get(CaseQueries).summary(caseId);
    expect(summary).toMatchObject({ status: 'dispute.awaitingCreditor', creditor_reminders: 1 });
  });
});

function handover(caseId: string) {
  return {
    caseId,
    creditorId: 'creditor-a',
    creditorReference: 'INV-1',
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
