/** Where one piece of background work stands: `catching up` while it is behind, with what it has done so far. */
export interface WorkProgress {
  state: 'catching up' | 'live' | 'stopped' | 'failed';
  /** Plain figures only (counts, positions): `/health` shows them as they are. */
  [figure: string]: unknown;
}

/**
 * The background work of a process (the timer index, a timer backlog, the projector) tells
 * `/health` how far it is, without `/health` waiting on any of it: each piece registers a
 * function that answers at once from what it already knows.
 */
export class BackgroundProgress {
  private readonly sources = new Map<string, () => WorkProgress>();

  /** Registers (or replaces) what `name` reports. */
  report(name: string, source: () => WorkProgress): void {
    this.sources.set(name, source);
  }

  snapshot(): { catchingUp: boolean; work: Record<string, WorkProgress> } {
    const work: Record<string, WorkProgress> = {};
    for (const [name, source] of this.sources) work[name] = source();
    return { catchingUp: Object.values(work).some((w) => w.state === 'catching up'), work };
  }
}
