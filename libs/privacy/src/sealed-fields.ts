import { isSealed, open, seal } from './cipher';
import { mapAt, visitAt } from './field-paths';

/** What a personal field reads as once its subject's key is destroyed. */
export const ERASED = '[erased]';

/**
 * What a reader holds for a subject: its key, the knowledge that it was erased (every personal
 * value, sealed or written in clear before encryption, then reads as erased), or nothing (no key
 * was ever made: only values in clear can be read).
 */
export type SubjectAccess = Buffer | 'erased' | null;

// The declared path (not the array index) is bound in: events are immutable, but an upcaster may
// reorder array elements, which must not make them unreadable.
const aadOf = (subjectId: string, path: string): string => `${subjectId}:${path}`;

/** `data` with the value at each present path sealed for `subjectId` (a copy where anything changed). */
export function sealFields<T>(data: T, paths: readonly string[], subjectId: string, key: Buffer): T {
  let sealed = data;
  for (const path of paths) {
    // Already sealed stays as it is: sealing twice would need two opens to read.
    sealed = mapAt(sealed, path, (value) => (isSealed(value) ? value : seal(value, key, aadOf(subjectId, path))));
  }
  return sealed;
}

/**
 * `data` with sealed values opened (a copy where anything changed). Without a key (null) a
 * sealed value reads as `erased`; for an erased subject every value at the paths does, also one
 * written in clear before encryption existed. Otherwise values in clear are returned as they are.
 */
export function openFields<T>(
  data: T,
  paths: readonly string[],
  subjectId: string,
  access: SubjectAccess,
  erased: string = ERASED,
): T {
  let opened = data;
  for (const path of paths) {
    opened = mapAt(opened, path, (value) => {
      if (access === 'erased') return erased;
      if (!isSealed(value)) return value;
      return access ? open(value, access, aadOf(subjectId, path)) : erased;
    });
  }
  return opened;
}

/** How many personal values at those paths are still in clear (for the "personal data in clear" report). */
export function countClearFields(data: unknown, paths: readonly string[]): number {
  let clear = 0;
  for (const path of paths) {
    visitAt(data, path, (value) => {
      if (!isSealed(value)) clear += 1;
    });
  }
  return clear;
}
