/**
 * Recently used subject keys, so reading a case's events does not unwrap a key per event.
 * Bounded in size and age: another process's erasure is seen here after at most `ttlMs`.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: Buffer; until: number }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}

  get(subjectId: string): Buffer | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.drop(subjectId);
      return undefined;
    }
    // Re-inserted to be the newest: Map keeps insertion order, the oldest goes first.
    this.entries.delete(subjectId);
    this.entries.set(subjectId, entry);
    return Buffer.from(entry.key);
  }

  set(subjectId: string, key: Buffer): void {
    if (this.max <= 0 || this.ttlMs <= 0) return;
    this.drop(subjectId);
    this.entries.set(subjectId, { key: Buffer.from(key), until: Date.now() + this.ttlMs });
    while (this.entries.size > this.max) this.drop(this.entries.keys().next().value as string);
  }

  /** Forgets the key and overwrites the cached copy, so it does not linger in memory. */
  drop(subjectId: string): void {
    const entry = this.entries.get(subjectId);
    if (!entry) return;
    entry.key.fill(0);
    this.entries.delete(subjectId);
  }

  clear(): void {
    for (const subjectId of [...this.entries.keys()]) this.drop(subjectId);
  }
}
