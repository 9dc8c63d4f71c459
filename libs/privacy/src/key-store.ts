import type { SubjectAccess } from './sealed-fields';

/** Where a subject's key stands. */
export interface SubjectStatus {
  state: 'active' | 'erased' | 'unknown';
  createdAt?: string;
  erasedAt?: string;
  reason?: string;
}

export interface Erasure {
  /** When the erasure took effect (ISO 8601), as the caller's clock says. */
  at: string;
  /** Why, for the record (e.g. "GDPR art. 17 request 2026-118"). */
  reason: string;
}

export type EraseOutcome = 'erased' | 'alreadyErased';

/** The subject's key was destroyed: nothing can be sealed or opened for it any more. */
export class SubjectErased extends Error {
  constructor(
    readonly subjectId: string,
    readonly erasedAt?: string,
  ) {
    super(`Subject ${subjectId} was erased${erasedAt ? ` at ${erasedAt}` : ''}: its key is destroyed`);
    this.name = 'SubjectErased';
  }
}

/**
 * The keys of the data subjects (one per debtor). A port, so a KMS or HSM can hold them
 * instead of the database: the rest of the system only sees these four operations.
 */
export abstract class SubjectKeys {
  /** The subject's key, created on first use. Throws SubjectErased once the subject is erased. */
  abstract keyFor(subjectId: string): Promise<Buffer>;

  /** The subject's key if it exists and is not erased; never creates one (for reading). */
  abstract existingKey(subjectId: string): Promise<Buffer | null>;

  /**
   * What a reader may do with the subject's values: open them (the key), show them as erased
   * (`erased`: also values written in clear before encryption), or read only values in clear
   * (null: no key was ever made). Never creates a key. What a reader learns may be cached
   * for a while; `fresh` asks the store itself (a reader holding a sealed value and no key).
   */
  abstract access(subjectId: string, options?: { fresh?: boolean }): Promise<SubjectAccess>;

  /**
   * Destroys the key for good and keeps a tombstone, so it is never created again. A subject
   * without a key (its data written in clear before encryption) gets the tombstone too, so its
   * values read as erased wherever they are shown.
   */
  abstract erase(subjectId: string, erasure: Erasure): Promise<EraseOutcome>;

  abstract status(subjectId: string): Promise<SubjectStatus>;
}
