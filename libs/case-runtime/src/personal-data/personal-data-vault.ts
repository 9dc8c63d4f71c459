import { ERASED, personalPathsOf } from '@app/case-domain';
import {
  isSealed,
  openFields,
  revealTokens,
  sealFields,
  tokenSubjects,
  visitAt,
  type SubjectAccess,
  type SubjectKeys,
} from '@app/privacy';

/** An event as the vault handles it: its type decides which of its fields are personal. */
interface Typed {
  type: string;
  data: unknown;
}

/** Whether the event holds any personal value (most do not: amounts, dates and timers are not personal). */
function holdsPersonalData(event: Typed): boolean {
  let found = false;
  for (const path of personalPathsOf(event.type)) visitAt(event.data, path, () => (found = true));
  return found;
}

function holdsSealedData(event: Typed): boolean {
  let found = false;
  for (const path of personalPathsOf(event.type)) visitAt(event.data, path, (value) => (found ||= isSealed(value)));
  return found;
}

const recordsErasure = (event: Typed) => event.type === 'PersonalDataErased';

/**
 * Where personal data is sealed and opened: the events' personal fields are sealed with the
 * debtor's key before they are stored and opened when a case is read; the tokens the read models
 * hold are revealed when a row is shown. A subject's key is fetched only for events that carry
 * personal values, so most commands and reads never touch the key store.
 */
export class PersonalDataVault {
  constructor(private readonly keys: SubjectKeys) {}

  /** The events with their personal values sealed for the subject. Throws `SubjectErased` once it is erased. */
  async seal<E extends Typed>(subjectId: string, events: readonly E[]): Promise<E[]> {
    if (!events.some(holdsPersonalData)) return [...events];
    const key = await this.keys.keyFor(subjectId);
    return events.map((e) => ({ ...e, data: sealFields(e.data, personalPathsOf(e.type), subjectId, key) }));
  }

  /**
   * Stored events of one subject with their personal values opened, or read as erased. A
   * stream that records the erasure reads as erased at once, also in a process whose key cache
   * still holds the key another process destroyed.
   */
  async open<E extends Typed>(
    subjectId: string | null,
    events: readonly E[],
    known: { erased?: boolean } = {},
  ): Promise<E[]> {
    if (!events.some(holdsPersonalData)) return [...events];
    let access = known.erased || events.some(recordsErasure) ? 'erased' : await this.accessOf(subjectId);
    // No key known but sealed values in hand: another process has made the key since we looked.
    if (access === null && subjectId && events.some(holdsSealedData)) {
      access = await this.keys.access(subjectId, { fresh: true });
    }
    return events.map((e) => {
      const paths = personalPathsOf(e.type);
      return paths.length === 0 ? e : { ...e, data: openFields(e.data, paths, subjectId ?? '', access, ERASED) };
    });
  }

  /**
   * A function that reveals the personal tokens in any of `texts` (read-model columns and
   * sentences). `erased`: subjects the read model already knows to be erased.
   */
  async revealerFor(texts: Iterable<string>, erased: Iterable<string> = []): Promise<(text: string) => string> {
    const subjects = new Map<string, { sealed: boolean }>();
    for (const text of texts) {
      for (const [subject, { sealed }] of tokenSubjects(text)) {
        subjects.set(subject, { sealed: sealed || subjects.get(subject)?.sealed === true });
      }
    }
    const access = new Map<string, SubjectAccess>();
    for (const subject of erased) access.set(subject, 'erased');
    const unknown = [...subjects.keys()].filter((s) => !access.has(s));
    await Promise.all(
      unknown.map(async (s) => {
        const found = await this.accessOf(s);
        // A sealed value and no key known: ask the store itself, not what this process last saw.
        const fresh = found === null && subjects.get(s)!.sealed;
        access.set(s, fresh ? await this.keys.access(s, { fresh: true }) : found);
      }),
    );
    return (text) => revealTokens(text, (s) => access.get(s) ?? null, ERASED);
  }

  accessOf(subjectId: string | null): Promise<SubjectAccess> {
    return subjectId ? this.keys.access(subjectId) : Promise.resolve(null);
  }
}
