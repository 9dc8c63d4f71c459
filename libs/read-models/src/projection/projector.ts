import { initialCaseState, type CaseState } from '@app/case-domain';
import { parsePosition, serializePosition, type EventStore, type Position, type RecordedEvent } from '@app/event-store';
import type { ReadStore } from '../db/connect';
import { TABLES, type CaseSummaryRow, type Generation, type ParkedStreamRow, type TimelineRow } from '../db/schema';
import { parkedCaseIds, parkedRow, toParkedStream, type ParkedStream } from '../parking/parked-streams';
import { EventFailure, finishRun, foldEvent, startRun, step, type CaseRun, type EventHook } from './case-run';
import { writeBatch } from './write-batch';

export interface ProjectorOptions {
  generation?: Generation;
  batchSize?: number;
  idleMs?: number;
  /** Test hook: runs inside the batch transaction, after the rows are written. */
  beforeCommit?: (events: RecordedEvent[]) => void;
  /** Test hook: runs before each event is folded; a throw is that event failing (its case is parked). */
  onEvent?: EventHook;
  /** Told of each stream parked, after its batch committed (the runtime logs it). */
  onParked?: (parked: ParkedStream) => void;
}

export type ProjectorStatus =
  { state: 'running' | 'stopped' } | { state: 'failed'; error: string; position: string | null };

/**
 * Builds the read models from the case events. Each pass reads the checkpoint, reads the
 * events after it, folds the cases they touch, and writes the rows with the new checkpoint in
 * one transaction that first checks the checkpoint is still the one it read. A crash, a second
 * projector or a rebuild swapping tables in can therefore neither lose nor double an event.
 * An event that cannot be projected parks its case (`rm_parked_streams`), not the projection.
 */
export class CaseProjector {
  private readonly states = new Map<string, { state: CaseState; revision: number }>();
  private readonly tables;
  private stopped = true;
  private loop?: Promise<void>;
  status: ProjectorStatus = { state: 'stopped' };
  position: Position | 'start' = 'start';

  constructor(
    private readonly store: EventStore,
    private readonly read: ReadStore,
    private readonly options: ProjectorOptions = {},
  ) {
    this.tables = TABLES[options.generation ?? 'live'];
  }

  async checkpoint(): Promise<Position | 'start'> {
    const row = await this.read.db
      .selectFrom('rm_checkpoints')
      .select('position')
      .where('name', '=', this.tables.checkpoint)
      .executeTakeFirst();
    return row ? parsePosition(row.position) : 'start';
  }

  /** Projects until it has reached the head as it stood when called; returns events projected. */
  async catchUp(onProgress?: (position: Position) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.pass();
      if (n === 0) return total;
      total += n;
      if (onProgress && this.position !== 'start') onProgress(this.position);
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.status = { state: 'running' };
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          if ((await this.pass()) === 0) await new Promise((r) => setTimeout(r, this.options.idleMs ?? 100));
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
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    if (this.status.state === 'running') this.status = { state: 'stopped' };
  }

  /**
   * One batch: returns how many events it read (0 when there was nothing new). A case whose
   * event cannot be folded is parked (its row written with the batch and checkpoint) and the
   * batch carries on; events of parked cases are skipped until `retryParked` refolds them.
   */
  async pass(): Promise<number> {
    const from = await this.checkpoint();
    const events = await this.store.readAll({
      after: from,
      maxCount: this.options.batchSize ?? 1000,
      filter: { streamPrefixes: ['case-'] },
    });
    if (events.length === 0) {
      this.position = from;
      return 0;
    }
    const parked = await parkedCaseIds(this.read.db, this.tables.checkpoint);
    const skipped = new Set<string>();
    const runs = new Map<string, CaseRun>();
    for (const e of events) {
      const caseId = e.streamId.slice('case-'.length);
      if (parked.has(caseId)) {
        skipped.add(caseId);
        continue;
      }
      let run = runs.get(caseId);
      if (!run) {
        run = await this.runFrom(caseId, e);
        runs.set(caseId, run);
      }
      step(run, e, this.options.onEvent);
    }
    // One summary per case per batch: the case as it stands after its last good event here.
    const summaries: CaseSummaryRow[] = [];
    const timeline: TimelineRow[] = [];
    const parking: ParkedStreamRow[] = [];
    const now = new Date().toISOString();
    for (const run of runs.values()) {
      const summary = finishRun(run);
      if (summary) summaries.push(summary);
      timeline.push(...run.rows);
      if (run.failure) {
        parking.push(parkedRow(this.tables.checkpoint, run.caseId, run.failure, now));
        this.states.delete(run.caseId);
      } else {
        this.states.set(run.caseId, { state: run.state, revision: run.revision });
      }
    }
    const last = events[events.length - 1].position;
    const written = await writeBatch(this.read, this.tables, {
      expected: from === 'start' ? null : serializePosition(from),
      next: serializePosition(last),
      summaries,
      timeline,
      parked: parking,
      skipped: [...skipped],
      beforeCommit: this.options.beforeCommit ? () => this.options.beforeCommit!(events) : undefined,
    });
    if (!written) {
      // Someone else moved the checkpoint (a rebuild swapped in) or un-parked a case we skipped
      // (a retry): forget what we folded and read the batch again.
      this.states.clear();
      return events.length;
    }
    this.position = last;
    for (const row of parking) this.options.onParked?.(toParkedStream(row));
    return events.length;
  }

  /**
   * A run starting at `e`, from the case as it stood just before it: from the cache, or folded
   * from its stream. A store that fails throws (the projector stops); an earlier event that no
   * longer folds fails the run at that event (the case is parked).
   */
  private async runFrom(caseId: string, e: RecordedEvent): Promise<CaseRun> {
    const revision = Number(e.revision);
    const cached = this.states.get(caseId);
    if (cached && cached.revision === revision - 1) return startRun(caseId, cached.state, cached.revision);
    if (revision === 0) return startRun(caseId, initialCaseState, -1);
    const earlier = await this.store.readStream(e.streamId, { maxCount: revision });
    try {
      const state = earlier.reduce((s, x) => foldEvent(s, x, this.options.onEvent), initialCaseState);
      return startRun(caseId, state, revision - 1);
    } catch (error) {
      if (!(error instanceof EventFailure)) throw error;
      const run = startRun(caseId, initialCaseState, -1);
      run.failure = error;
      return run;
    }
  }
}
