import { caseEventOf, personalPathsOf, type CaseEvent, type CaseState } from '@app/case-domain';
import type { RecordedEvent } from '@app/event-store';
import { mapAt, personalToken } from '@app/privacy';

/**
 * A stored event as the projections see it: each personal value (sealed, or in clear from
 * before encryption) replaced by a token naming its subject and field. The read models then hold
 * no plaintext and need no key; the API reveals the tokens when it shows a row, so an erased
 * debtor's name and words read as erased in every row at once, and a rebuild needs no key.
 */
export function projectedEvent(e: RecordedEvent, before: CaseState): CaseEvent {
  const paths = personalPathsOf(e.type);
  if (paths.length === 0) return caseEventOf(e.type, e.data);
  const subject = subjectOf(e, before);
  let data = e.data;
  for (const path of paths) data = mapAt(data, path, (value) => personalToken(subject, path, value));
  return caseEventOf(e.type, data);
}

/** A case's data subject is its debtor, named in clear by the handover. */
function subjectOf(e: RecordedEvent, before: CaseState): string {
  if (e.type === 'ClaimHandedOver') return String((e.data as { debtor?: { id?: unknown } }).debtor?.id ?? '');
  return before.facts?.debtor.id ?? '';
}
