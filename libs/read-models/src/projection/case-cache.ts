import type { CaseState } from '@app/case-domain';

export interface CachedCase {
  state: CaseState;
  /** The revision of the case's last event folded into `state`. */
  revision: number;
  /** A rebuild writes summaries late: the revision its summary row was last written at (-1: never), when behind. */
  unwritten?: { since: number };
}

/**
 * The projector's folded cases, the most recently projected kept and the least recently
 * projected forgotten past `capacity` (a case costs a few KB; unbounded, a store of millions of
 * cases would exhaust the heap). A case not here is folded again from its stream.
 */
export class CaseCache {
  private readonly cases = new Map<string, CachedCase>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  /** The case if it stands at `revision`; a hit makes it the most recent. */
  at(caseId: string, revision: number): CachedCase | undefined {
    const cached = this.cases.get(caseId);
    if (!cached || cached.revision !== revision) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.cases.delete(caseId);
    this.cases.set(caseId, cached);
    return cached;
  }

  /** Keeps the case as the most recent; returns the cases this pushed out (their summaries may be unwritten). */
  /** The case as cached, without counting or refreshing it. */
  peek(caseId: string): CachedCase | undefined {
    return this.cases.get(caseId);
  }

  set(caseId: string, cached: CachedCase): Array<[string, CachedCase]> {
    this.cases.delete(caseId);
    this.cases.set(caseId, cached);
    const evicted: Array<[string, CachedCase]> = [];
    while (this.cases.size > this.capacity) {
      const [oldest] = this.cases.entries();
      this.cases.delete(oldest[0]);
      evicted.push(oldest);
    }
    return evicted;
  }

  /** The cases whose summaries are behind, oldest first. */
  unwritten(): Array<[string, CachedCase]> {
    return [...this.cases.entries()].filter(([, c]) => c.unwritten);
  }

  delete(caseId: string): void {
    this.cases.delete(caseId);
  }

  clear(): void {
    this.cases.clear();
  }

  get size(): number {
    return this.cases.size;
  }
}
