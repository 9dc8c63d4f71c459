import type { ErasureBasis, PersonalDataErased } from '../events/case-events';
import type { CaseState } from '../state/case-state';
import { dateOf, type CalendarDate, type Instant } from '../time/dates';
import { retentionEndsOn } from './retention';

export interface ErasureRequest {
  subjectId: string;
  basis: ErasureBasis;
  /** The agency's reference for the record, e.g. "GDPR art. 17 request 2026-118". */
  reason: string;
  at: Instant;
  /** For `retention`: the years personal data is kept after the accounting year of closure. */
  retentionYears?: number;
}

/** Why a case's personal data may not be erased now, in the caseworker's words. */
export type ErasureRefusal =
  | { kind: 'notTheSubject'; message: string }
  | { kind: 'open'; message: string }
  | { kind: 'retained'; message: string; until: CalendarDate };

export type ErasureDecision = { ok: true; events: PersonalDataErased[] } | { ok: false; refusal: ErasureRefusal };

/**
 * Whether a case's personal data may be erased, and the event that records it. While a case is
 * open its data is needed to pursue the claim (GDPR art. 17(3)(e): legal claims), so only a closed
 * case is erased; by the retention rule, once its period has run. Erasing twice records nothing.
 */
export function decideErasure(state: CaseState, request: ErasureRequest): ErasureDecision {
  const f = state.facts;
  if (!f || f.debtor.id !== request.subjectId) {
    return refuse({ kind: 'notTheSubject', message: `The case is not one of debtor ${request.subjectId}.` });
  }
  if (!f.closure) {
    return refuse({
      kind: 'open',
      message: `Case ${f.caseId} is open (${state.status}): its personal data is needed until it closes.`,
    });
  }
  if (request.basis === 'retention') {
    const until = retentionEndsOn(dateOf(f.closure.at), request.retentionYears);
    if (dateOf(request.at) < until) {
      return refuse({
        kind: 'retained',
        until,
        message: `Case ${f.caseId} closed on ${dateOf(f.closure.at)}: its data is kept until ${until}.`,
      });
    }
  }
  if (f.personalDataErasedAt) return { ok: true, events: [] };
  const { subjectId, basis, reason, at } = request;
  return { ok: true, events: [{ type: 'PersonalDataErased', data: { at, subjectId, basis, reason } }] };
}

const refuse = (refusal: ErasureRefusal): ErasureDecision => ({ ok: false, refusal });
