import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import { createEventStore, SqliteEventStore, type EventStore } from '@app/event-store';
import { CaseProjector, openReadStore, SubjectQueries, type ReadStore } from '@app/read-models';
import {
  EventStoreCaseStreams,
  loadConfig,
  openPersonalData,
  readModelsCaughtUp,
  SystemClock,
  type AppConfig,
  type ClosableSubjectKeys,
  type ErasureDeps,
  type Principal,
} from '@app/case-runtime';

/** The engine's stores as a command-line tool needs them, opened from the configuration. */
export interface Engine {
  config: AppConfig;
  store: EventStore;
  read: ReadStore;
  keys: ClosableSubjectKeys;
  /** What erasure, retention and the access export need; the CLI projects events itself to catch up. */
  personalData: ErasureDeps & { retentionYears: number };
  /** Whom the events a tool records name as their actor: the operator at this terminal. */
  operator: Principal;
  correlationId: string;
}

/** Opens the configured stores, runs `work`, and closes them whatever it does. */
export async function withEngine<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = createEventStore({
    eventstoreUrl: config.eventstoreUrl,
    sqliteFile: config.sqliteFile,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  const opened: Array<() => Promise<void> | void> = [() => store.close()];
  try {
    // The engine's local SQLite file (the events' own, in the embedded default) holds the keys there.
    const localDb = store instanceof SqliteEventStore ? store.db : new Database(config.sqliteFile);
    if (!(store instanceof SqliteEventStore)) opened.unshift(() => void localDb.close());
    const { databaseUrl, schema, sqliteFile } = config.readModels;
    const read = await openReadStore(databaseUrl ? { databaseUrl, schema } : { sqliteFile });
    opened.unshift(() => read.close());
    const clock = new SystemClock();
    const { keys, vault } = await openPersonalData(config, { localDb, clock });
    opened.unshift(() => keys.close());
    const projector = new CaseProjector(store, read);
    const engine: Engine = {
      config,
      store,
      read,
      keys,
      personalData: {
        streams: new EventStoreCaseStreams(store, vault),
        keys,
        subjects: new SubjectQueries(read),
        clock,
        catchUp: () => readModelsCaughtUp(store, projector, { drive: true }),
        retentionYears: config.personalData.retentionYears,
      },
      operator: { subject: `cli:${userInfo().username}`, role: 'caseworker' },
      correlationId: randomUUID(),
    };
    return await work(engine);
  } finally {
    for (const close of opened) await close();
  }
}
