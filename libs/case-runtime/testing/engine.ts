import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import type { CaseCommandRequest, HandOverClaim } from '@app/case-domain';
import { handover } from '@app/case-domain/testing';
import { CaseProjector, openReadStore, SubjectQueries, type ReadStore } from '@app/read-models';
import { SimulatedClock } from '../src/clock/clock';
import { handleCaseCommand } from '../src/commands/handle-case-command';
import { caseIdFor } from '../src/commands/ids';
import type { CommandOutcome } from '../src/commands/outcome';
import { loadConfig, type AppConfig } from '../src/config/config';
import type { ErasureDeps } from '../src/personal-data/erasure';
import { openPersonalData, type ClosableSubjectKeys } from '../src/personal-data/open-personal-data';
import { PersonalDataVault } from '../src/personal-data/personal-data-vault';
import { readModelsCaughtUp } from '../src/read/read-models-caught-up';
import { EventStoreCaseStreams } from '../src/storage/event-store-case-streams';
import { SqliteIdempotencyStore } from '../src/storage/idempotency-store';
import type { Principal } from '../src/auth/principal';

/** Stores and reads personal values as they come: the engine before encryption (the benchmarks' yardstick). */
export class ClearVault extends PersonalDataVault {
  override async seal<E>(_: string, events: readonly E[]): Promise<E[]> {
    return [...events];
  }

  override async open<E>(_: string | null, events: readonly E[]): Promise<E[]> {
    return [...events];
  }
}

export const CASEWORKER: Principal = { subject: 'cw-1', role: 'caseworker' };

/**
 * The runtime without HTTP on files in `dir` (and PostgreSQL read models when `env` says so),
 * as the API and the CLI open them: for tests of what the runtime does across its stores.
 */
export class TestEngine {
  readonly streams: EventStoreCaseStreams;
  readonly projector: CaseProjector;
  private readonly idempotency: SqliteIdempotencyStore;

  private constructor(
    readonly config: AppConfig,
    readonly store: SqliteEventStore,
    readonly read: ReadStore,
    readonly keys: ClosableSubjectKeys,
    readonly vault: PersonalDataVault,
    readonly clock: SimulatedClock,
  ) {
    this.streams = new EventStoreCaseStreams(store, vault);
    this.projector = new CaseProjector(store, read);
    this.idempotency = new SqliteIdempotencyStore(store.db);
  }

  /** The environment the engine runs on, for a CLI run against the same stores. */
  static env(dir: string, env: Record<string, string> = {}): Record<string, string> {
    return { SQLITE_FILE: join(dir, 'engine.sqlite'), DATABASE_URL: '', ...env };
  }

  /** `sealing: false`: personal values stored in clear, as the engine did before encryption existed. */
  static async open(
    dir: string,
    options: { env?: Record<string, string>; now: string; sealing?: boolean },
  ): Promise<TestEngine> {
    const config = loadConfig(TestEngine.env(dir, options.env));
    const store = new SqliteEventStore({ file: config.sqliteFile });
    const { databaseUrl, schema, sqliteFile } = config.readModels;
    const read = await openReadStore(databaseUrl ? { databaseUrl, schema } : { sqliteFile });
    const clock = new SimulatedClock(options.now);
    const { keys, vault } = await openPersonalData(config, { localDb: store.db, clock });
    return new TestEngine(config, store, read, keys, options.sealing === false ? new ClearVault(keys) : vault, clock);
  }

  /** What erasure, retention and the export need, projecting the events itself to catch up. */
  get personalData(): ErasureDeps {
    return {
      streams: this.streams,
      keys: this.keys,
      subjects: new SubjectQueries(this.read),
      clock: this.clock,
      catchUp: () => readModelsCaughtUp(this.store, this.projector, { drive: true }),
    };
  }

  run(caseId: string, command: CaseCommandRequest, principal: Principal = CASEWORKER): Promise<CommandOutcome> {
    return handleCaseCommand(
      { streams: this.streams, clock: this.clock, keys: this.idempotency, keyLifetimeMs: 86_400_000 },
      { caseId, command, principal, correlationId: 'test' },
    );
  }

  /** Hands over a claim (the standard one, with `overrides`) and returns its case id. */
  async handOver(overrides: Partial<HandOverClaim['data']> = {}): Promise<string> {
    const data = handover(overrides);
    const caseId = caseIdFor(data.creditorId, data.creditorReference);
    const outcome = await this.run(caseId, { type: 'HandOverClaim', data: { ...data, caseId } });
    if (outcome.kind !== 'accepted') throw new Error(`handover: ${JSON.stringify(outcome)}`);
    return caseId;
  }

  async withdraw(caseId: string): Promise<void> {
    const outcome = await this.run(caseId, { type: 'WithdrawClaim', data: { reason: 'Withdrawn by the creditor' } });
    if (outcome.kind !== 'accepted') throw new Error(`withdrawal: ${JSON.stringify(outcome)}`);
  }

  async close(): Promise<void> {
    await this.keys.close();
    await this.read.close();
    await this.store.close();
  }
}
