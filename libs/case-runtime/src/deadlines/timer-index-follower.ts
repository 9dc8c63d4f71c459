import { setImmediate as nextTurn } from 'node:timers/promises';
import { comparePositions, serializePosition, type EventStore, type Position } from '@app/event-store';
import type { WorkProgress } from '../progress/background-progress';
import { TIMER_EVENTS, type TimerIndex } from './timer-index';

/** Timer events read and written per transaction. */
const PAGE = 500;

/**
 * Keeps the timer index up with the store, a page per transaction, off the request's path:
 * in the background every `idleMs`, and on demand before due timers are looked up. Between
 * pages it gives the event loop a turn, so a first build over a large store leaves requests
 * (and `/health`) answered. Only timer events are read; when the read comes back short, every
 * event up to the head read just before it has been seen, so the checkpoint moves to the head
 * and the next pass starts there instead of re-reading everything since the last timer event.
 */
export class TimerIndexFollower {
  private inflight?: Promise<void>;
  private loop?: NodeJS.Timeout;
  private stopped = false;
  private state: WorkProgress['state'] = 'catching up';
  private indexed: Position | 'start';
  private head: Position | 'start' = 'start';
  private applied = 0;
  private error?: string;

  constructor(
    private readonly index: TimerIndex,
    private readonly store: EventStore,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.indexed = index.checkpoint();
  }

  /** Follows the store in the background: a pass now, then one every `idleMs`. */
  start(idleMs: number): void {
    const again = () => {
      if (this.stopped) return;
      this.loop = setTimeout(run, idleMs);
      this.loop.unref();
    };
    const run = () => {
      void this.catchUp().then(again, (error) => {
        this.onError(error);
        again();
      });
    };
    run();
  }

  /** Resolves once the index holds every timer event the store held when it was called. */
  async catchUp(): Promise<void> {
    // A pass already running may have read the head before the caller's events: wait, then run one more.
    while (this.inflight) await this.inflight.catch(() => undefined);
    if (this.stopped) return;
    this.inflight = this.pass().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** Stops following; a pass in progress ends after its current page. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.state = 'stopped';
    if (this.loop) clearTimeout(this.loop);
    await this.inflight?.catch(() => undefined);
  }

  progress(): WorkProgress {
    return {
      state: this.state,
      indexedThrough: this.indexed === 'start' ? null : serializePosition(this.indexed),
      head: this.head === 'start' ? null : serializePosition(this.head),
      timerEventsApplied: this.applied,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private async pass(): Promise<void> {
    try {
      while (!this.stopped) {
        const [head] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
        if (!head || (this.indexed !== 'start' && comparePositions(this.indexed, head.position) >= 0)) break;
        this.head = head.position;
        const page = await this.store.readAll({
          after: this.indexed,
          maxCount: PAGE,
          filter: { streamPrefixes: ['case-'], eventTypes: TIMER_EVENTS },
        });
        const full = page.length === PAGE;
        const last = page[page.length - 1]?.position;
        const through = full || (last && comparePositions(last, head.position) > 0) ? last! : head.position;
        this.index.applyPage(page, through);
        this.indexed = through;
        this.applied += page.length;
        if (!full) break;
        this.state = 'catching up';
        await nextTurn();
      }
      if (!this.stopped) this.state = 'live';
      this.error = undefined;
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }
}
