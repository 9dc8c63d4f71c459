import { isSealed, open, type SealedValue } from './cipher';
import { ERASED, type SubjectAccess } from './sealed-fields';

/**
 * A personal value inside text that is stored elsewhere than the events (a read model's
 * column, a timeline sentence): a token naming its subject and field, with the sealed value
 * (`s`, its base64) or, for values written in clear before encryption existed, the value itself
 * (`c`, in base64url).
 * Whoever stores tokens stores no plaintext and needs no key; whoever shows the text reveals the
 * tokens with the subject's key, and an erased subject's tokens read as erased at once, without
 * rewriting what was stored.
 */
const OPEN = '\u27e6pd:';
const CLOSE = '\u27e7';
const TOKEN = /\u27e6pd:([sc]):([A-Za-z0-9_-]*):([A-Za-z0-9.[\]]+):([A-Za-z0-9+/=_-]*)\u27e7/g;

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const fromB64url = (text: string) => Buffer.from(text, 'base64url').toString('utf8');
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The token of a personal value (sealed, or in clear) of `subjectId` at `path`. */
export function personalToken(subjectId: string, path: string, value: unknown): string {
  const payload = isSealed(value) ? `s:${b64url(subjectId)}:${path}:${value.$pd1}` : null;
  return `${OPEN}${payload ?? `c:${b64url(subjectId)}:${path}:${b64url(asText(value))}`}${CLOSE}`;
}

export function hasPersonalTokens(text: string): boolean {
  return text.includes(OPEN);
}

/**
 * The subjects whose values the text holds, so their keys can be fetched before revealing it;
 * each says whether any of its values there is sealed (needs the key) or all are in clear.
 */
export function tokenSubjects(text: string): Map<string, { sealed: boolean }> {
  const subjects = new Map<string, { sealed: boolean }>();
  if (!hasPersonalTokens(text)) return subjects;
  for (const match of text.matchAll(TOKEN)) {
    const subject = fromB64url(match[2]);
    const sealed = match[1] === 's' || subjects.get(subject)?.sealed === true;
    subjects.set(subject, { sealed });
  }
  return subjects;
}

/**
 * The text with each token replaced by its value: opened with the subject's key, or `erased`
 * when the subject was erased or its key is gone.
 */
export function revealTokens(text: string, accessOf: (subjectId: string) => SubjectAccess, erased = ERASED): string {
  if (!hasPersonalTokens(text)) return text;
  return text.replace(TOKEN, (_, kind: string, subject: string, path: string, payload: string) => {
    const subjectId = fromB64url(subject);
    const access = accessOf(subjectId);
    if (access === 'erased') return erased;
    if (kind === 'c') return fromB64url(payload);
    if (!access) return erased;
    const sealed: SealedValue = { $pd1: payload };
    return asText(open(sealed, access, `${subjectId}:${path}`));
  });
}
