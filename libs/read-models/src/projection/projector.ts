import { parsePosition, serializePosition, type EventStore, type Position, type RecordedEvent } from '@app/event-store';
import type { ReadStore } from '../db/connect';
import { TABLES, type Generation, type Tables } from '../db/schema';
import { parkedCaseIds, toParkedStream, type ParkedStream } from '../parking/parked-streams';
import type { EventHook } from './case-run';
import { CaseCache, type CachedCase } from './case-cache';
import { lateSummaries } from './late-summaries';
import { foldBatch, type FoldedBatch } from './fold-batch';
import { writeBatch } from './write-batch';

export interface ProjectorOptions {
  generation?: Generation;
  /** Events read and written per transaction at most (default 1 000). */
  batchSize?: number;
  /**
   * How long one batch may hold the event loop (ms, default 25): the running projector makes its
   * batches smaller when they take longer (and larger again, up to batchSize, when they are quick).
   */
  maxBatchMs?: number;
  /** How long to wait when nothing was new (ms, default 100). */
  idleMs?: number;
  /**
   * After a batch that reached the head, how long commits are left to gather for the next (ms,
   * default 50): each batch costs a transaction, so under load a batch takes many commands.
   */
  coalesceMs?: number;
  /** How many folded cases are kept (least recently projected forgotten first; default 20 000). */
  cacheSize?: number;
  /** Test hook: runs inside the batch transaction, after the rows are written. */
  beforeCommit?: (events: RecordedEvent[]) => void;
  /** Test hook: runs before each event is folded; a throw is that event failing (its case is parked). */
  onEvent?: EventHook;
  /** Told of each stream parked, after its batch committed (the runtime logs it). */
  onParked?: (parked: ParkedStream) => void;
  /**
   * Told of each live batch once it is committed, with when its read began (epoch ms): the
   * runtime continues each event's trace from there. Not called while rebuilding.
   */
  onCommitted?: (events: RecordedEvent[], startedAtMs: number) => void;
  /**
   * A rebuild's way (its tables are read by no one until the swap, and a rebuild that fails
   * starts again from zero): each case's summary is written when the case leaves the cache and
   * at `flush()`, not after every batch; timeline rows are appended to a table without its key
   * yet; and the next batch is folded while the last one is written.
   */
  rebuilding?: boolean;
}

export type ProjectorStatus =
  { state: 'running' | 'stopped' } | { state: 'failed'; error: string; position: string | null };

/** How far the running projector is: catching up while its batches come back full. */
export interface ProjectorProgress {
  catchingUp: boolean;
  /** Events projected since it started. */
  projected: number;
  position: string | null;
}

const CASE_STREAMS = { streamPrefixes: ['case-'] };
const MIN_BATCH = 50;
const FIRST_BATCH = 100;

/**
 * Builds the read models from the case events. Each pass reads the events after the checkpoint,
 * folds the cases they touch, and writes the rows with the new checkpoint in one transaction
 * that first checks the checkpoint is still the one it read. A crash, a second projector or a
 * rebuild swapping tables in can therefore neither lose nor double an event. An event that
 * cannot be projected parks its case (`rm_parked_streams`), not the projection.
 *
 * Running (`start`), it reads `$all` again only once commits have had `coalesceMs` to gather
 * after a batch that reached the head, so a busy store is projected in batches, not a pass per
 * commit; between batches it yields to the event loop, so a long catch-up never freezes the
 * process, and `stop()` returns once the batch in hand is written.
 */
export class CaseProjector {
  private readonly cache: CaseCache;
  private readonly tables: Tables;
  private readonly batchSize: number;
  /** The running projector's batch size now, kept under maxBatchMs. */
  private size: number;
  /** Whether the last pass read as many events as it asked for (more are waiting). */
  private full = false;
  private stopped = true;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** The checkpoint as this projector last read or wrote it; undefined: read it again. */
  private known?: Position | 'start';
  /** The parked cases as last read; read again after any batch that did not commit. */
  private parked?: Set<string>;
  /** One pass at a time (`catchUp` and the running loop may both ask). */
  private turn: Promise<unknown> = Promise.resolve();
  /** Rebuilding: where the next batch is read from (folded, perhaps not yet written), and the write in flight. */
  private folded?: Position | 'start';
  private writing: Promise<void> = Promise.resolve();
  status: ProjectorStatus = { state: 'stopped' };
  position: Position | 'start' = 'start';
  private progressNow: ProjectorProgress = { catchingUp: false, projected: 0, position: null };

  constructor(
    private readonly store: EventStore,
    private readonly read: ReadStore,
    private readonly options: ProjectorOptions = {},
  ) {
    this.tables = TABLES[options.generation ?? 'live'];
    this.batchSize = options.batchSize ?? 1000;
    // A first batch of unknown cost starts small: it grows while batches are quick.
    this.size = options.rebuilding ? this.batchSize : Math.min(this.batchSize, FIRST_BATCH);
    this.cache = new CaseCache(options.cacheSize ?? 20_000);
  }

  async checkpoint(): Promise<Position | 'start'> {
    const row = await this.read.db
      .selectFrom('rm_checkpoints')
      .select('position')
      .where('name', '=', this.tables.checkpoint)
      .executeTakeFirst();
    return row ? parsePosition(row.position) : 'start';
  }

  progress(): ProjectorProgress {
    return { ...this.progressNow };
  }

  /** How often a case was found folded in the cache, and how many it holds. */
  cacheStats() {
    return { hits: this.cache.hits, misses: this.cache.misses, size: this.cache.size, capacity: this.cache.capacity };
  }

  /** Projects until it has reached the head as it stood when called; returns events projected. */
  async catchUp(onProgress?: (position: Position) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.pass();
      if (n === 0) return total;
      total += n;
      if (onProgress && this.position !== 'start') onProgress(this.position);
      await nextTurn();
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.status = { state: 'running' };
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          const n = await this.pass();
          this.progressNow.catchingUp = this.full;
          if (this.stopped) break;
          if (n === 0) await this.sleep(this.options.idleMs ?? 100);
          else if (!this.full) await this.sleep(this.options.coalesceMs ?? 50);
          else await nextTurn();
        } catch (error) {
          // A failing event parks its case (see `pass`); what gets here is the store or the
          // read-model database failing, which stops the projection where it is, loudly.
          this.status = {
            state: 'failed',
            error: error instanceof Error ? error.message : String(error),
            position: this.position === 'start' ? null : serializePosition(this.position),
          };
          this.stopped = true;
        }
      }
      this.progressNow.catchingUp = false;
    })();
  }

  /** Returns once the batch in hand (if any) is written: never after a whole catch-up. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    if (this.status.state === 'running') this.status = { state: 'stopped' };
  }

  /**
   * One batch: returns how many events it read (0 when there was nothing new). A case whose
   * event cannot be folded is parked (its row written with the batch and checkpoint) and the
   * batch carries on; events of parked cases are skipped until `retryParked` refolds them.
   */
  pass(): Promise<number> {
    const pass = this.turn.then(() => this.passOnce());
    this.turn = pass.catch(() => undefined);
    return pass;
  }

  private async passOnce(): Promise<number> {
    if (this.options.rebuilding) return this.passRebuilding();
    const started = performance.now();
    const startedAtMs = Date.now();
    const from = this.known ?? (await this.checkpoint());
    const size = this.size;
    const events = await this.store.readAll({ after: from, maxCount: size, filter: CASE_STREAMS });
    this.full = events.length >= size;
    if (events.length === 0) {
      this.position = this.known = from;
      return 0;
    }
    try {
      this.parked ??= await parkedCaseIds(this.read.db, this.tables.checkpoint);
      const batch = await foldBatch(
        this.store,
        this.cache,
        this.tables.checkpoint,
        events,
        this.parked,
        this.options.onEvent,
      );
      if (await this.commit(from, batch)) this.options.onCommitted?.(events, startedAtMs);
    } catch (error) {
      this.forget();
      throw error;
    }
    this.resize(performance.now() - started, size);
    return events.length;
  }

  /**
   * Smaller batches when one held the event loop too long, larger again (up to batchSize) when
   * quick. The budget is kept well under the 100 ms a health check may wait: a commit's writes
   * sometimes take a few times their usual time on a busy disk.
   */
  private resize(ms: number, size: number): void {
    const budget = this.options.maxBatchMs ?? 25;
    if (ms > budget) this.size = Math.max(MIN_BATCH, Math.floor(size * Math.max(0.25, budget / ms)));
    else if (this.full && ms < budget / 2) this.size = Math.min(this.batchSize, Math.ceil(size * 1.5));
  }

  /**
   * A rebuild's batch: folded on from the cache as the last batch left it, cases leaving the
   * cache get their summaries written with it, and it is written while the next one is folded.
   */
  private async passRebuilding(): Promise<number> {
    const from = (this.folded ??= await this.checkpoint());
    const events = await this.store.readAll({ after: from, maxCount: this.batchSize, filter: CASE_STREAMS });
    if (events.length === 0) return 0;
    this.parked ??= await parkedCaseIds(this.read.db, this.tables.checkpoint);
    const batch = await foldBatch(
      this.store,
      this.cache,
      this.tables.checkpoint,
      events,
      this.parked,
      this.options.onEvent,
      true,
    );
    // A case pushed out of the cache gets its summary with this batch: once, as it last stood, and
    // not when it came back in this batch (it is cached again) or was parked (its summary is in the batch).
    const leaving = new Map<string, CachedCase>();
    for (const [caseId, cached] of batch.cases) {
      if (cached) for (const [id, out] of this.cache.set(caseId, cached)) leaving.set(id, out);
      else this.cache.delete(caseId);
    }
    for (const caseId of leaving.keys()) {
      if (this.cache.peek(caseId) || batch.cases.get(caseId) === null) leaving.delete(caseId);
    }
    const late = await this.lateWrites([...leaving], batch);
    // Where the rebuild has got to: its rows are written by the time `flush()` returns.
    this.position = this.folded = events[events.length - 1].position;
    const previous = this.writing;
    this.writing = (async () => {
      await previous;
      if (!(await this.commit(from, { ...batch, ...late }, false))) throw new RebuildInterrupted();
    })();
    // Its failure surfaces at the next pass or at `flush()`; not as an unhandled rejection meanwhile.
    this.writing.catch(() => undefined);
    await previous;
    return events.length;
  }

  /** A rebuild's last write: the summaries still unwritten, at the checkpoint reached. */
  async flush(): Promise<void> {
    await this.writing;
    if (!this.options.rebuilding || this.folded === undefined || this.folded === 'start') return;
    const empty: FoldedBatch = { events: [], summaries: [], timeline: [], parked: [], skipped: [], cases: new Map() };
    const late = await this.lateWrites(this.cache.unwritten(), empty);
    const at = serializePosition(this.folded);
    const written = await writeBatch(this.read, this.tables, { expected: at, next: at, ...late, appendOnly: true });
    if (!written) throw new RebuildInterrupted();
    this.cache.clear();
  }

  /** Summaries for cases leaving the cache; a case parked by them loses its rows from the failing event on. */
  private async lateWrites(leaving: Array<[string, CachedCase]>, batch: FoldedBatch) {
    const late = await lateSummaries(this.store, this.tables.checkpoint, leaving, this.options.onEvent);
    for (const row of late.parked) {
      this.cache.delete(row.case_id);
      this.parked?.add(row.case_id);
    }
    const cut = new Map(late.cuts.map((c) => [c.caseId, c.fromRevision]));
    return {
      summaries: [...batch.summaries, ...late.summaries],
      parked: [...batch.parked, ...late.parked],
      cuts: late.cuts,
      timeline: cut.size ? batch.timeline.filter((t) => t.revision < (cut.get(t.case_id) ?? Infinity)) : batch.timeline,
    };
  }

  /** Writes a folded batch read after `from`; false when someone else moved the checkpoint or un-parked a case it skipped. */
  private async commit(
    from: Position | 'start',
    batch: FoldedBatch & { cuts?: Array<{ caseId: string; fromRevision: number }> },
    cacheAfter = true,
  ): Promise<boolean> {
    const last = batch.events[batch.events.length - 1].position;
    const written = await writeBatch(this.read, this.tables, {
      expected: from === 'start' ? null : serializePosition(from),
      next: serializePosition(last),
      summaries: batch.summaries,
      timeline: batch.timeline,
      parked: batch.parked,
      skipped: batch.skipped,
      cuts: batch.cuts,
      appendOnly: this.options.rebuilding,
      beforeCommit: this.options.beforeCommit ? () => this.options.beforeCommit!(batch.events) : undefined,
    });
    if (!written) {
      // A rebuild swapped in or a retry un-parked a case we skipped: forget what we folded and read again.
      this.forget();
      return false;
    }
    if (cacheAfter) {
      for (const [caseId, cached] of batch.cases) {
        if (cached) this.cache.set(caseId, cached);
        else this.cache.delete(caseId);
      }
    }
    for (const row of batch.parked) this.parked?.add(row.case_id);
    if (!this.options.rebuilding) this.position = this.known = last;
    this.progressNow.projected += batch.events.length;
    this.progressNow.position = serializePosition(last);
    for (const row of batch.parked) this.options.onParked?.(toParkedStream(row));
    return true;
  }

  private forget(): void {
    this.cache.clear();
    this.known = undefined;
    this.parked = undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Someone else wrote the rebuild's checkpoint (a second rebuild): this one cannot go on. */
export class RebuildInterrupted extends Error {
  constructor() {
    super('The rebuild was interrupted: another writer moved its checkpoint. Run the rebuild again.');
  }
}

/** Lets timers and I/O (a health check, a request) run before the next batch. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
