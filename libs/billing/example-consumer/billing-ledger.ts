import pg from 'pg';
import type { BillingEvent } from '../src';

/** One row per billing event: the amount it books, and who bears it. */
export interface LedgerTotal {
  type: string;
  bearer: string;
  currency: string;
  amount: number;
  events: number;
}

/**
 * An example billing consumer's ledger: books each billing event once into its own PostgreSQL
 * table, keyed by the event's id. A redelivered event (the relay sends again what the broker had
 * not confirmed; a feed consumer re-reads a page after a crash) finds its id booked and changes
 * nothing, in the same transaction as the booking, so a crash between the two cannot double-book.
 */
export class BillingLedger {
  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
  ) {}

  static async open(databaseUrl: string, schema: string): Promise<BillingLedger> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) throw new Error(`Not a schema name: ${schema}`);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: `-c search_path="${schema}"` });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await pool.query(`
      CREATE TABLE IF NOT EXISTS billing_bookings (
        event_id text PRIMARY KEY,
        type text NOT NULL,
        version int NOT NULL,
        case_id text NOT NULL,
        creditor_id text NOT NULL,
        bearer text NOT NULL,
        amount bigint NOT NULL,
        currency text NOT NULL,
        stream_revision int NOT NULL,
        occurred_at text NOT NULL,
        booked_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Where each case's bookings have got to: a billing event older than it is out of order.
    await pool.query(`CREATE TABLE IF NOT EXISTS billing_case_positions (
        case_id text PRIMARY KEY, stream_revision int NOT NULL)`);
    return new BillingLedger(pool, schema);
  }

  /** Books an event once: `booked` the first time, `duplicate` for an id already booked. */
  async book(event: BillingEvent): Promise<'booked' | 'duplicate'> {
    const { bearer, amount } = bookingOf(event);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const inserted = await client.query(
        `INSERT INTO billing_bookings (event_id, type, version, case_id, creditor_id, bearer, amount, currency, stream_revision, occurred_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (event_id) DO NOTHING`,
        [
          event.id,
          event.type,
          event.version,
          event.caseId,
          event.creditorId,
          bearer,
          amount.amount,
          amount.currency,
          event.source.streamRevision,
          event.occurredAt,
        ],
      );
      if (inserted.rowCount === 0) {
        await client.query('ROLLBACK');
        return 'duplicate';
      }
      const moved = await client.query(
        `INSERT INTO billing_case_positions (case_id, stream_revision) VALUES ($1, $2)
         ON CONFLICT (case_id) DO UPDATE SET stream_revision = EXCLUDED.stream_revision
         WHERE billing_case_positions.stream_revision <= EXCLUDED.stream_revision`,
        [event.caseId, event.source.streamRevision],
      );
      if (moved.rowCount === 0)
        throw new Error(`Out of order: ${event.id} of case ${event.caseId} came after a later event.`);
      await client.query('COMMIT');
      return 'booked';
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async totals(): Promise<LedgerTotal[]> {
    const { rows } = await this.pool.query(
      `SELECT type, bearer, currency, sum(amount)::bigint AS amount, count(*)::int AS events
       FROM billing_bookings GROUP BY type, bearer, currency ORDER BY type, bearer, currency`,
    );
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  }

  async close(options: { dropSchema?: boolean } = {}): Promise<void> {
    if (options.dropSchema) await this.pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.pool.end();
  }
}

/** The amount an event books and who bears it (`none` for an event that books no money). */
export function bookingOf(event: BillingEvent): { bearer: string; amount: { amount: number; currency: string } } {
  switch (event.type) {
    case 'ClaimRegistered':
      return { bearer: 'debtor', amount: event.data.principal };
    case 'FeeCharged':
    case 'CourtFeeIncurred':
      return { bearer: event.data.bearer, amount: event.data.amount };
    case 'FeeWaived':
      return { bearer: 'creditor', amount: event.data.amount };
    case 'ClaimCredited':
    case 'PaymentAllocated':
    case 'SettlementAgreed':
      return { bearer: 'debtor', amount: event.data.amount };
    case 'CaseClosed':
      return { bearer: 'none', amount: { amount: 0, currency: 'NOK' } };
  }
}
