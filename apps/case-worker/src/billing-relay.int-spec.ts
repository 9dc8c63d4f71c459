import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import amqp from 'amqplib';
import { realisticCases } from '@app/case-domain/testing';
import { EVENT_STORE, loadConfig, SimulatedClock } from '@app/case-runtime';
import type { EventStore } from '@app/event-store';
import { BillingFeed, RelayMonitor } from '@app/billing';
import { CuttableProxy } from '@app/billing/testing';
import { WorkerModule } from './worker.module';

const BROKER = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
jest.setTimeout(60_000);

/** The worker's relay against the real local broker, reached through a proxy the test can take down. */
describe('the worker relays billing events to RabbitMQ when RABBITMQ_URL is set', () => {
  const run = randomUUID().slice(0, 8);
  const exchange = `billing-worker-test-${run}`;
  const dir = mkdtempSync(join(tmpdir(), 'case-worker-billing-'));
  const proxy = new CuttableProxy({ host: new URL(BROKER).hostname, port: Number(new URL(BROKER).port || 5672) });
  let worker: INestApplicationContext;
  let connection: amqp.ChannelModel;

  afterAll(async () => {
    await worker?.close();
    const channel = await connection.createChannel();
    await channel.deleteQueue(exchange);
    await channel.deleteExchange(exchange);
    await connection.close();
    await proxy.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given the broker down, then the relay backs off and says so with its lag; once it is up, every event is published, persistent', async () => {
    await proxy.start();
    proxy.down = true;
    connection = await amqp.connect(BROKER);
    const channel = await connection.createChannel();
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertQueue(exchange, { durable: true });
    await channel.bindQueue(exchange, exchange, '#');

    const env = {
      SQLITE_FILE: join(dir, 'engine.sqlite'),
      CLOCK: 'simulated',
      TIMER_POLL_MS: '0',
      RABBITMQ_URL: `amqp://guest:guest@127.0.0.1:${proxy.port}`,
      BILLING_EXCHANGE: exchange,
    };
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(loadConfig(env), { clock: new SimulatedClock('2025-03-03T09:00:00.000Z') }),
      { logger: false },
    );
    await worker.init();
    const store = worker.get<EventStore>(EVENT_STORE);
    for (const append of realisticCases({ cases: 20, seed: 5 })) {
      await store.append(append.streamId, append.events, { expectedRevision: append.expectedRevision });
    }
    const monitor = worker.get(RelayMonitor);
    const backingOff = await until(monitor, (h) => h.state === 'backingOff');
    expect(backingOff.error).toBeTruthy();
    expect(backingOff.lag.events).toBeGreaterThan(0);
    expect(backingOff.lag.seconds).toBeGreaterThanOrEqual(0);

    proxy.down = false;
    const caughtUp = await until(monitor, (h) => h.state === 'connected' && h.lag.events === 0, 30_000);
    expect(caughtUp.error).toBeNull();

    const expected = (await new BillingFeed(store).read({ limit: 1000 })).events;
    const received: amqp.GetMessage[] = [];
    for (let message = await channel.get(exchange); message; message = await channel.get(exchange)) {
      received.push(message);
      channel.ack(message);
    }
    expect(received.map((m) => m.properties.messageId)).toEqual(expected.map((e) => e.id));
    expect(received.every((m) => m.properties.deliveryMode === 2)).toBe(true);
    expect(JSON.parse(received[0].content.toString())).toEqual(expected[0]);
    expect(received[0].fields.routingKey).toBe(`${expected[0].type}.v1`);
    expect(caughtUp.published).toBe(expected.length);
  });
});

async function until(
  monitor: RelayMonitor,
  predicate: (h: NonNullable<Awaited<ReturnType<RelayMonitor['measure']>>>) => boolean,
  ms = 15_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    const health = await monitor.measure();
    if (health && predicate(health)) return health;
    if (Date.now() > end) throw new Error(`The relay never got there: ${JSON.stringify(health)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
