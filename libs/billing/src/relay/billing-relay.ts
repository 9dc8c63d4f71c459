import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { EventStore } from '@app/event-store';
import type { BillingEvent } from '../contract/integration-events';
import { BillingFeed, FEED_START } from '../feed/billing-feed';
import type { RelayCheckpoints, RelayRecord, RelayState } from './relay-checkpoints';

export interface RelayOptions {
  url: string;
  exchange: string;
  /** The checkpoint's name: one per relay (a second relay to another exchange keeps its own). */
  name?: string;
  /** Billing events published before waiting for the broker's confirms. */
  batch?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** How long one read of the feed waits for new events. */
  pollMs?: number;
  log?: (level: 'info' | 'warn', message: string) => void;
}

export interface RelayStatus {
  state: RelayState;
  error: string | null;
  published: number;
  /** Connection attempts that failed in a row (0 while connected). */
  retries: number;
}

/** The broker dropped the connection or the channel under a session. */
class BrokerGone extends Error {
  override readonly name = 'BrokerGone';
}

/**
 * Publishes the billing feed to a durable RabbitMQ topic exchange, in log order (so in order per
 * case), as persistent messages on a confirm channel. The checkpoint moves only once the broker
 * has confirmed every message before it: a crash or a lost connection sends the unconfirmed ones
 * again (at least once, with the same ids). A broker that is down is retried with back-off.
 */
export class BillingRelay {
  private readonly feed: BillingFeed;
  private readonly name: string;
  private readonly abort = new AbortController();
  private running?: Promise<void>;
  private record?: RelayRecord;
  private current: RelayStatus = { state: 'starting', error: null, published: 0, retries: 0 };

  constructor(
    store: EventStore,
    private readonly checkpoints: RelayCheckpoints,
    private readonly options: RelayOptions,
  ) {
    this.feed = new BillingFeed(store, { pollMs: Math.min(options.pollMs ?? 200, 200) });
    this.name = options.name ?? `rabbitmq:${options.exchange}`;
  }

  get status(): RelayStatus {
    return { ...this.current };
  }

  get checkpointName(): string {
    return this.name;
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.current.state = 'stopped';
    await this.report().catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 250, maxMs: 15_000 };
    let delay = initialMs;
    while (!this.abort.signal.aborted) {
      try {
        await this.session(() => {
          delay = initialMs;
        });
      } catch (error) {
        if (this.abort.signal.aborted) break;
        this.current = {
          ...this.current,
          state: 'backingOff',
          error: messageOf(error),
          retries: this.current.retries + 1,
        };
        this.options.log?.('warn', `Billing relay: ${messageOf(error)}; retrying in ${delay} ms.`);
        await this.report().catch(() => undefined);
        await sleep(delay, this.abort.signal);
        delay = Math.min(delay * 2, maxMs);
      }
    }
  }

  /** One connection's life: publish from the checkpoint until stopped or the broker goes. */
  private async session(connected: () => void): Promise<void> {
    let connection: ChannelModel | undefined;
    try {
      connection = await amqp.connect(this.options.url, {
        clientProperties: { connection_name: `billing-relay ${this.name}` },
      });
      let gone!: (error: Error) => void;
      const lost = new Promise<never>((_, reject) => (gone = reject));
      lost.catch(() => undefined);
      connection.on('error', (e: Error) => gone(new BrokerGone(`the broker connection failed: ${e.message}`)));
      connection.on('close', () => gone(new BrokerGone('the broker closed the connection')));
      const channel = await connection.createConfirmChannel();
      channel.on('error', (e: Error) => gone(new BrokerGone(`the channel failed: ${e.message}`)));
      channel.on('close', () => gone(new BrokerGone('the broker closed the channel')));
      await channel.assertExchange(this.options.exchange, 'topic', { durable: true });
      this.record ??= await this.checkpoints.load(this.name);
      let after = this.record?.cursor ?? FEED_START;
      this.current = { state: 'connected', error: null, published: this.current.published, retries: 0 };
      connected();
      await this.report(after);
      this.options.log?.(
        'info',
        `Billing relay connected: publishing to exchange ${this.options.exchange} after ${after}.`,
      );
      const read = (from: string, waitMs: number) => {
        const reading = this.feed.read({
          after: from,
          limit: this.options.batch ?? 500,
          waitMs,
          signal: this.abort.signal,
        });
        reading.catch(() => undefined);
        return reading;
      };
      const waitMs = this.options.pollMs ?? 1000;
      let next = read(after, waitMs);
      while (!this.abort.signal.aborted) {
        const page = await Promise.race([next, lost]);
        // Behind the head: read the next page while the broker confirms this one (the checkpoint
        // still moves only after the confirms, and pages are published one after the other).
        next = read(page.next, page.caughtUp ? waitMs : 0);
        if (page.events.length > 0) {
          for (const event of page.events) await this.publish(channel, event, lost);
          await Promise.race([channel.waitForConfirms(), lost]);
          this.current.published += page.events.length;
        }
        if (page.next !== after) {
          after = page.next;
          await this.report(after);
        }
      }
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }

  private async publish(channel: ConfirmChannel, event: BillingEvent, lost: Promise<never>): Promise<void> {
    const accepted = channel.publish(
      this.options.exchange,
      `${event.type}.v${event.version}`,
      Buffer.from(JSON.stringify(event)),
      {
        persistent: true,
        messageId: event.id,
        type: event.type,
        contentType: 'application/json',
        headers: { caseId: event.caseId, version: event.version, position: event.source.position },
      },
    );
    // The channel's buffer is full: wait for it to drain rather than pile up unconfirmed messages.
    if (!accepted) await Promise.race([new Promise((resolve) => channel.once('drain', resolve)), lost]);
  }

  private async report(cursor?: string): Promise<void> {
    this.record = {
      name: this.name,
      cursor: cursor ?? this.record?.cursor ?? FEED_START,
      state: this.current.state,
      error: this.current.error,
      published: this.current.published,
      updatedAt: new Date().toISOString(),
    };
    await this.checkpoints.save(this.record);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
