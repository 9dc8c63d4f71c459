/**
 * Commands on one case, one at a time within this process: they would otherwise load the same
 * revision, and all but one lose it at the append (more so with group commit, where appends of
 * one event-loop turn commit together). Other cases go on in parallel; writers in other
 * processes are still kept apart by the append at the revision read.
 */
export class CaseQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(caseId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(caseId);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = before ? before.then(() => done) : done;
    this.tails.set(caseId, tail);
    try {
      if (before) await before;
      return await work();
    } finally {
      release();
      // The last in line leaves no entry behind, so the map holds only cases with work waiting.
      if (this.tails.get(caseId) === tail) this.tails.delete(caseId);
    }
  }

  /** Cases with a command running or waiting (for tests and metrics). */
  get busy(): number {
    return this.tails.size;
  }
}
