import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp from 'amqplib';
import { realisticCases } from '@app/case-domain/testing';
import { SqliteEventStore } from '@app/event-store';
import { BillingLedger, consumeFromRabbitMq, CuttableProxy, type RabbitConsumer } from '@app/billing/testing';
import { BillingFeed, type BillingEvent } from '../src';
import { totalsFromStore } from './support/store-totals';

/**
 * Crash tests against the real local broker (RABBITMQ_URL, default amqp://guest:guest@127.0.0.1:5672)
 * and PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): the relay runs
 * in a process of its own, which is killed with SIGKILL while publishing, and its broker
 * connections are dropped under it, again and again, while cases are written. Exchange, queue and
 * schema are this run's own: others share the broker and the database.
 */
const BROKER = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const DATABASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROOT = join(__dirname, '..', '..', '..');

jest.setTimeout(150_000);

describe('the billing relay under crashes and broker outages (real RabbitMQ, real PostgreSQL)', () => {
  const run = randomUUID().slice(0, 8);
  const exchange = `billing-test-${run}`;
  const queue = `billing-test-${run}`;
  const dir = mkdtempSync(join(tmpdir(), 'billing-relay-'));
  const sqliteFile = join(dir, 'engine.sqlite');
  const proxy = new CuttableProxy({ host: new URL(BROKER).hostname, port: Number(new URL(BROKER).port || 5672) });
  let store: SqliteEventStore;
  let ledger: BillingLedger;
  let consumer: RabbitConsumer;
  let relay: ChildProcess | undefined;
  const deliveries: Array<{ event: BillingEvent; outcome: 'booked' | 'duplicate' }> = [];
  /** How many times a relay process has said it connected to the broker. */
  let connections = 0;

  beforeAll(async () => {
    store = new SqliteEventStore({ file: sqliteFile });
    ledger = await BillingLedger.open(DATABASE, `billing_test_${run}`);
    await proxy.start();
    consumer = await consumeFromRabbitMq({
      url: BROKER,
      exchange,
      queue,
      ledger,
      onEvent: (event, outcome) => deliveries.push({ event, outcome }),
    });
  });

  afterAll(async () => {
    relay?.kill('SIGKILL');
    await consumer?.stop();
    const connection = await amqp.connect(BROKER);
    const channel = await connection.createChannel();
    await channel.deleteQueue(queue);
    await channel.deleteExchange(exchange);
    await connection.close();
    await ledger?.close({ dropSchema: true });
    await proxy.stop();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startRelay = () => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'libs/billing/testing/relay-process.ts',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SQLITE_FILE: sqliteFile,
          CHECKPOINT_FILE: join(dir, 'relay.sqlite'),
          RABBITMQ_URL: `amqp://guest:guest@127.0.0.1:${proxy.port}`,
          BILLING_EXCHANGE: exchange,
          RELAY_BATCH: '50',
          TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr!.on('data', (chunk) => (connections += String(chunk).split('Billing relay connected').length - 1));
    return child;
  };
  const killRelay = async () => {
    if (!relay || relay.exitCode !== null) return;
    const exited = new Promise((resolve) => relay!.once('exit', resolve));
    relay.kill('SIGKILL');
    await exited;
  };

  it('given kill -9 and dropped broker connections mid-stream, then every event arrives, duplicates only with the same id, each case in order, and the totals equal the store', async () => {
    // Cases written while the relay runs, crashes and reconnects.
    const appends = [...realisticCases({ cases: 250, seed: 11 })];
    let written = 0;
    const writer = (async () => {
      for (const append of appends) {
        await store.append(append.streamId, append.events, { expectedRevision: append.expectedRevision });
        // Spread over ~15 s, so the relay is publishing live when it is hit, not only catching up.
        if (++written % 10 === 0) await sleep(80);
      }
    })();

    const chaos: string[] = [];
    relay = startRelay();
    let awaited = 1;
    for (let round = 0; round < 8; round++) {
      // Hit it only once it is connected again (a fresh process takes a moment to start), while it publishes.
      for (let i = 0; i < 1200 && connections < awaited; i++) await sleep(25);
      if (connections < awaited)
        throw new Error(`The relay did not connect within 30 s (round ${round}: ${chaos.join('; ')})`);
      await sleep(150 + ((round * 137) % 400));
      awaited = connections + 1;
      if (round % 2 === 0) {
        await killRelay();
        chaos.push(`kill -9 after ${deliveries.length} deliveries`);
        relay = startRelay();
      } else {
        const dropped = proxy.cut();
        expect(dropped).toBeGreaterThan(0);
        chaos.push(`dropped ${dropped} broker connections after ${deliveries.length} deliveries`);
      }
    }
    await writer;

    // What the feed says billing must get: every billing event of every case in the store.
    const expected: BillingEvent[] = [];
    for (let after: string | undefined, done = false; !done;) {
      const page = await new BillingFeed(store).read({ after, limit: 1000 });
      expected.push(...page.events);
      after = page.next;
      done = page.caughtUp;
    }
    const booked = () => new Set(deliveries.filter((d) => d.outcome === 'booked').map((d) => d.event.id));
    for (let i = 0; i < 600 && booked().size < expected.length; i++) await sleep(100);
    await killRelay();

    // The chaos happened: each kill and each cut hit a connected relay.
    expect(connections).toBeGreaterThanOrEqual(8);
    const byId = new Map(expected.map((e) => [e.id, e]));
    // Every event delivered, none that does not exist.
    expect(expected.length).toBeGreaterThan(1000);
    expect([...booked()].sort()).toEqual([...byId.keys()].sort());
    // A duplicate is the same event again: same id, same content.
    const duplicates = deliveries.filter((d) => d.outcome === 'duplicate');
    for (const d of deliveries) expect(d.event).toEqual(byId.get(d.event.id));
    // Each case's events booked in their order (the ledger also refuses a booking out of order).
    const last = new Map<string, number>();
    for (const { event } of deliveries.filter((d) => d.outcome === 'booked')) {
      expect(event.source.streamRevision).toBeGreaterThanOrEqual(last.get(event.caseId) ?? -1);
      last.set(event.caseId, event.source.streamRevision);
    }
    // The consumer's books equal the totals computed from the case events in the store.
    const ledgerTotals = Object.fromEntries(
      (await ledger.totals()).map((t) => [`${t.type}/${t.bearer}`, { amount: t.amount, events: t.events }]),
    );
    expect(ledgerTotals).toEqual(await totalsFromStore(store));
    process.stdout.write(
      `relay crash test: ${expected.length} billing events from ${written} appends; ` +
        `${deliveries.length} deliveries (${duplicates.length} duplicates); ${chaos.join('; ')}\n`,
    );
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
