/* eslint-disable @typescript-eslint/no-explicit-any -- a table of its own beside the read models: `Kysely<any>` */
import type { Kysely } from 'kysely';

export type RelayState = 'starting' | 'connected' | 'backingOff' | 'stopped';

/** What the relay last said about itself: where it is, and whether the broker takes its messages. */
export interface RelayRecord {
  name: string;
  /** The feed cursor up to which the broker confirmed every event. */
  cursor: string;
  state: RelayState;
  error: string | null;
  published: number;
  updatedAt: string;
}

const TABLE = 'billing_relay_checkpoints';

/**
 * The relay's checkpoint and state, in the read-model database: the worker writes it, and every
 * API instance reads it for /health and /metrics (as they read the projector's parked streams).
 */
export class RelayCheckpoints {
  private ready?: Promise<void>;

  constructor(private readonly db: Kysely<any>) {}

  private ensure(): Promise<void> {
    return (this.ready ??= this.db.schema
      .createTable(TABLE)
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('cursor', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('published', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
      .then(() => undefined)
      .catch((error) => {
        this.ready = undefined;
        throw error;
      }));
  }

  async load(name: string): Promise<RelayRecord | undefined> {
    await this.ensure();
    const row = await this.db.selectFrom(TABLE).selectAll().where('name', '=', name).executeTakeFirst();
    return row
      ? {
          name: row.name,
          cursor: row.cursor,
          state: row.state,
          error: row.error,
          published: Number(row.published),
          updatedAt: row.updated_at,
        }
      : undefined;
  }

  async save(record: RelayRecord): Promise<void> {
    await this.ensure();
    const values = {
      name: record.name,
      cursor: record.cursor,
      state: record.state,
      error: record.error,
      published: record.published,
      updated_at: record.updatedAt,
    };
    await this.db
      .insertInto(TABLE)
      .values(values)
      .onConflict((oc) => oc.column('name').doUpdateSet({ ...values, name: undefined } as any))
      .execute();
  }
}
