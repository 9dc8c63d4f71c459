/**
 * `npm run bench:billing` — the billing integration's two speeds:
 * 1. the relay's throughput to the real local RabbitMQ (RABBITMQ_URL, default guest@127.0.0.1:5672)
 *    with publisher confirms, persistent messages and a durable queue bound, from a store of
 *    realistic cases, against publishing the same messages with confirms and nothing else (the ceiling);
 * 2. the pull feed's latency from an append to the event being seen by a long-polling consumer, p50/p99.
 * Exchange and queue are this run's own (others share the broker), and deleted at the end.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { realisticCases } from '@app/case-domain/testing';
import { SqliteEventStore } from '@app/event-store';
import { openSqlDatabase } from '@app/sql';
import { BillingFeed, BillingRelay, RelayCheckpoints, type BillingEvent } from '../src';
import { knob, machineLoad, ratioOf, round, writeResults, type BenchRow } from '../../../bench/support/results';

const BROKER = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const CASES = knob('BENCH_BILLING_CASES', 2_000, 200);
const PROBES = knob('BENCH_BILLING_PROBES', 300, 60);
const BATCH = 500;

async function allBillingEvents(store: SqliteEventStore): Promise<BillingEvent[]> {
  const events: BillingEvent[] = [];
  for (let after: string | undefined, done = false; !done;) {
    const page = await new BillingFeed(store).read({ after, limit: 1000 });
    events.push(...page.events);
    after = page.next;
    done = page.caughtUp;
  }
  return events;
}

/** The ceiling: the same messages on a confirm channel, in batches of BATCH, nothing read or written besides. */
async function rawPublish(events: BillingEvent[], exchange: string): Promise<number> {
  const connection = await amqp.connect(BROKER);
  const channel = await connection.createConfirmChannel();
  const started = performance.now();
  for (let i = 0; i < events.length; i += BATCH) {
    for (const e of events.slice(i, i + BATCH)) {
      if (
        !channel.publish(exchange, `${e.type}.v1`, Buffer.from(JSON.stringify(e)), {
          persistent: true,
          messageId: e.id,
        })
      )
        await new Promise((resolve) => channel.once('drain', resolve));
    }
    await channel.waitForConfirms();
  }
  const seconds = (performance.now() - started) / 1000;
  await connection.close();
  return events.length / seconds;
}

async function relayThroughput(dir: string, exchange: string) {
  const store = new SqliteEventStore({ file: join(dir, 'relay.sqlite') });
  for (const append of realisticCases({ cases: CASES, seed: 21 })) {
    await store.append(append.streamId, append.events, { expectedRevision: append.expectedRevision });
  }
  const events = await allBillingEvents(store);
  const { db } = await openSqlDatabase({ sqliteFile: join(dir, 'checkpoints.sqlite') });
  const relay = new BillingRelay(store, new RelayCheckpoints(db), { url: BROKER, exchange, batch: BATCH, pollMs: 50 });
  const started = performance.now();
  relay.start();
  while (relay.status.published < events.length) {
    if (performance.now() - started > 600_000) throw new Error(`relay stuck: ${JSON.stringify(relay.status)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  await db.destroy();
  const ceiling = await rawPublish(events, exchange);
  await store.close();
  return { events: events.length, perSecond: events.length / seconds, ceiling };
}

/** A consumer long-polls the feed; a writer hands over a case every 25 ms: how long until each is seen. */
async function feedLatency(dir: string) {
  const store = new SqliteEventStore({ file: join(dir, 'feed.sqlite') });
  const feed = new BillingFeed(store);
  const appended = new Map<string, number>();
  const latencies: number[] = [];
  let stop = false;
  const consumer = (async () => {
    let after: string | undefined;
    while (!stop) {
      const page = await feed.read({ after, limit: 100, waitMs: 2_000 });
      const now = performance.now();
      for (const e of page.events) {
        const at = appended.get(e.caseId);
        if (e.type === 'ClaimRegistered' && at !== undefined) latencies.push(now - at);
      }
      after = page.next;
    }
  })();
  let n = 0;
  for (const append of realisticCases({ cases: PROBES, seed: 22, casesPerDay: 100_000 })) {
    if (append.expectedRevision !== 'no_stream') continue;
    appended.set(append.caseId, performance.now());
    await store.append(append.streamId, append.events, { expectedRevision: 'no_stream' });
    if (++n >= PROBES) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const end = performance.now() + 10_000;
  while (latencies.length < n && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  stop = true;
  await consumer;
  await store.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: at(50), p99: at(99), seen: latencies.length, sent: n };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'billing-bench-'));
  const exchange = `billing-bench-${randomUUID().slice(0, 8)}`;
  const connection = await amqp.connect(BROKER);
  const channel = await connection.createChannel();
  try {
    // A durable queue bound to the exchange, as a consumer would have: the broker persists every message.
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertQueue(exchange, { durable: true });
    await channel.bindQueue(exchange, exchange, '#');
    const relay = await relayThroughput(dir, exchange);
    const latency = await feedLatency(dir);
    const rows: BenchRow[] = [
      {
        group: 'billing',
        figure: 'relay to RabbitMQ with confirms',
        value: Math.round(relay.perSecond),
        unit: 'events/s',
        yardstick: 'bare confirmed publish of the same messages',
        yardstickValue: Math.round(relay.ceiling),
        ratio: ratioOf(relay.perSecond, relay.ceiling),
        note: `${relay.events} billing events from ${CASES} realistic cases, batches of ${BATCH}, persistent, durable queue bound; ${machineLoad()}`,
      },
      {
        group: 'billing',
        figure: 'feed: append → visible to a long-poll, p50',
        value: round(latency.p50, 1),
        unit: 'ms',
        note: `${latency.seen} of ${latency.sent} handovers seen; the feed re-reads every 100 ms while a poll waits`,
      },
      {
        group: 'billing',
        figure: 'feed: append → visible to a long-poll, p99',
        value: round(latency.p99, 1),
        unit: 'ms',
        target: '<= 250 ms',
        met: latency.p99 <= 250 && latency.seen === latency.sent,
      },
    ];
    writeResults('billing', rows);
  } finally {
    await channel.deleteQueue(exchange).catch(() => undefined);
    await channel.deleteExchange(exchange).catch(() => undefined);
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
