import { evolve, initialCaseState, type CaseEvent, type CaseState } from '@app/case-domain';
import { parsePosition, serializePosition, type EventStore, type Position, type RecordedEvent } from '@app/event-store';
import type { ReadStore } from '../db/connect';
import { TABLES, type CaseSummaryRow, type Generation, type TimelineRow } from '../db/schema';
import { summaryRow } from './case-summary';
import { sentenceOf } from './timeline';
import { writeBatch } from './write-batch';

export interface ProjectorOptions {
  generation?: Generation;
  batchSize?: number;
  idleMs?: number;
  /** Test hook: runs inside the batch transaction, after the rows are written. */
  beforeCommit?: (events: RecordedEvent[]) => void;
}

export type ProjectorStatus =
  { state: 'running' | 'stopped' } | { state: 'failed'; error: string; position: string | null };

/**
 * Builds the read models from the case events. Each pass reads the checkpoint, reads the
 * events after it, folds the cases they touch, and writes the rows with the new checkpoint in
 * one transaction that first checks the checkpoint is still the one it read. A crash, a second
 * projector or a rebuild swapping tables in can therefore neither lose nor double an event.
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
          // A failing event stops the projection where it is, loudly; it is never skipped.
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

  /** One batch: returns how many events it projected (0 when there was nothing new). */
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
    const touched = new Map<string, { state: CaseState; revision: number }>();
    const timeline: TimelineRow[] = [];
    for (const e of events) {
      const caseId = e.streamId.slice('case-'.length);
      const state = await this.stateBefore(caseId, e);
      const next = evolve(state, { type: e.type, data: e.data } as CaseEvent);
      this.states.set(caseId, { state: next, revision: Number(e.revision) });
      touched.set(caseId, { state: next, revision: Number(e.revision) });
      timeline.push({
        case_id: caseId,
        revision: Number(e.revision),
        position: serializePosition(e.position),
        type: e.type,
        actor: JSON.stringify(e.metadata.actor ?? null),
        at: (e.data as { at: string }).at,
        sentence: sentenceOf({ type: e.type, data: e.data } as CaseEvent),
      });
    }
    // One summary per case per batch: the case as it stands after its last event here.
    const summaries: CaseSummaryRow[] = [];
    for (const { state, revision } of touched.values()) if (state.facts) summaries.push(summaryRow(state, revision));
    const last = events[events.length - 1].position;
    const written = await writeBatch(this.read, this.tables, {
      expected: from === 'start' ? null : serializePosition(from),
      next: serializePosition(last),
      summaries,
      timeline,
      beforeCommit: this.options.beforeCommit ? () => this.options.beforeCommit!(events) : undefined,
    });
    if (!written) {
      // Someone else moved the checkpoint (a rebuild swapped in): forget what we folded.
      this.states.clear();
      return events.length;
    }
    this.position = last;
    return events.length;
  }

  /** The case as it stood just before `e`: from the cache, or folded from its stream. */
  private async stateBefore(caseId: string, e: RecordedEvent): Promise<CaseState> {
    const cached = this.states.get(caseId);
    if (cached && cached.revision === Number(e.revision) - 1) return cached.state;
    if (e.revision === 0n) return initialCaseState;
    const earlier = await this.store.readStream(e.streamId, { maxCount: Number(e.revision) });
    return earlier.reduce((s, x) => evolve(s, { type: x.type, data: x.data } as CaseEvent), initialCaseState);
  }
}
