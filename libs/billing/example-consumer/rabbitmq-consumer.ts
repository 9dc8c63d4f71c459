import amqp, { type ChannelModel } from 'amqplib';
import type { BillingEvent } from '../src';
import type { BillingLedger } from './billing-ledger';

export interface RabbitConsumer {
  stop(): Promise<void>;
}

/**
 * Consumes billing events from a durable queue bound to the relay's exchange and books each
 * into the ledger, acknowledging only after the booking committed: a crash before the ack gets
 * the message again, and the ledger sees it is booked. One consumer on one queue keeps the
 * relay's order (per case included).
 */
export async function consumeFromRabbitMq(options: {
  url: string;
  exchange: string;
  queue: string;
  ledger: BillingLedger;
  onEvent?: (event: BillingEvent, outcome: 'booked' | 'duplicate') => void;
}): Promise<RabbitConsumer> {
  const connection: ChannelModel = await amqp.connect(options.url);
  const channel = await connection.createChannel();
  await channel.assertExchange(options.exchange, 'topic', { durable: true });
  await channel.assertQueue(options.queue, { durable: true });
  await channel.bindQueue(options.queue, options.exchange, '#');
  // One at a time: booking in arrival order is what keeps each case's order.
  await channel.prefetch(1);
  const { consumerTag } = await channel.consume(options.queue, async (message) => {
    if (!message) return;
    try {
      const event = JSON.parse(message.content.toString('utf8')) as BillingEvent;
      const outcome = await options.ledger.book(event);
      options.onEvent?.(event, outcome);
      channel.ack(message);
    } catch {
      channel.nack(message, false, true);
    }
  });
  return {
    async stop() {
      await channel.cancel(consumerTag).catch(() => undefined);
      await connection.close().catch(() => undefined);
    },
  };
}
