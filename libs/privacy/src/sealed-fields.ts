import { isSealed, open, seal } from './cipher';
import { rewriteAt } from './field-paths';

/** What a personal field reads as once its subject's key is destroyed. */
export const ERASED = '[erased]';

// The declared path (not the array index) is bound in: events are immutable, but an upcaster may
// reorder array elements, which must not make them unreadable.
const aadOf = (subjectId: string, path: string): string => `${subjectId}:${path}`;

/** A deep copy of `data` with the value at each present path sealed for `subjectId`. */
export function sealFields<T>(data: T, paths: readonly string[], subjectId: string, key: Buffer): T {
  const copy = structuredClone(data);
  for (const path of paths) {
    // Already sealed stays as it is: sealing twice would need two opens to read.
    rewriteAt(copy, path, (value) => (isSealed(value) ? value : seal(value, key, aadOf(subjectId, path))));
  }
  return copy;
}

/**
 * A deep copy of `data` with sealed values opened, or replaced by ERASED when the key is gone
 * (null). Values written in clear before encryption existed are returned as they are.
 */
export function openFields<T>(data: T, paths: readonly string[], subjectId: string, key: Buffer | null): T {
  const copy = structuredClone(data);
  for (const path of paths) {
    rewriteAt(copy, path, (value) => {
      if (!isSealed(value)) return value;
      return key ? open(value, key, aadOf(subjectId, path)) : ERASED;
    });
  }
  return copy;
}

/** How many personal values at those paths are still in clear (for the "personal data in clear" report). */
export function countClearFields(data: unknown, paths: readonly string[]): number {
  let clear = 0;
  for (const path of paths) {
    rewriteAt(data, path, (value) => {
      if (!isSealed(value)) clear += 1;
      return value;
    });
  }
  return clear;
}
