import { NestFactory } from '@nestjs/core';
import { CaseProjector, CaseQueries } from '@app/read-models';
import { TimerService } from '../../case-api/src/deadlines/timer-service';
import { SimulatedClock } from '../../case-api/src/clock/clock';
import { loadConfig } from '../../case-api/src/config/app-config';
import { Api } from '../../case-api/test/api-harness';
import { WorkerModule } from './worker.module';

describe('the worker as a separate process', () => {
  it('given API instances with WORKERS=separate, then the worker projects the cases and fires their deadlines, once', async () => {
    const api = await new Api().start({ WORKERS: 'separate' });
    const id = await api.handOver();
    await api.post(`/cases/${id}/objections`, { debtorStatement: 'No', channel: 'written' });
    await api.post(`/cases/${id}/objection/referral`, {});
    expect(api.app.get(CaseProjector).status.state).toBe('stopped');

    const clock = new SimulatedClock('2025-03-18T09:00:00.000Z');
    const config = loadConfig({
      SQLITE_FILE: `${api.dir}/engine.sqlite`,
      CLOCK: 'simulated',
      TIMER_POLL_MS: '0',
      JWT_SECRET: 'x'.repeat(32),
    });
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { clock }), {
      logger: false,
    });
    await worker.init();
    expect(await worker.get(TimerService).runDue()).toBe(1);
    expect(await worker.get(TimerService).runDue()).toBe(0);
    await worker.get(CaseProjector).catchUp();
    const summary = await worker.get(CaseQueries).summary(id);
    expect(summary).toMatchObject({ status: 'dispute.awaitingCreditor', creditor_reminders: 1 });
    await worker.close();

    const history = (await api.get(`/cases/${id}/history`)).body;
    expect(history.filter((e: { type: string }) => e.type === 'CreditorReplyOverdue')).toHaveLength(1);
    await api.stop();
  });
});
