import { decideErasure, type CaseState, type ErasureBasis } from '@app/case-domain';
import type { SubjectKeys } from '@app/privacy';
import type { SubjectQueries } from '@app/read-models';
import type { Principal } from '../auth/principal';
import type { Clock } from '../clock/clock';
import { loadCase } from '../commands/case-repository';
import { CaseStreams, StaleRevision } from '../commands/case-streams.port';
import { uuidFrom } from '../commands/ids';
import { eventMetadata } from '../commands/metadata';

export interface ErasureDeps {
  streams: CaseStreams;
  keys: SubjectKeys;
  subjects: SubjectQueries;
  clock: Clock;
  /** Brings the read models up to the store's head, so every case of the debtor is found. */
  catchUp: () => Promise<unknown>;
}

export interface EraseSubject {
  subjectId: string;
  basis: ErasureBasis;
  reason: string;
  principal: Principal;
  correlationId: string;
  /** For `retention`: the configured years after the accounting year of closure. */
  retentionYears?: number;
}

export type ErasureOutcome =
  | {
      kind: 'erased';
      subjectId: string;
      erasedAt: string;
      /** False when the subject was erased before (this run only recorded what was missing). */
      keyDestroyedNow: boolean;
      cases: Array<{ caseId: string; recorded: 'now' | 'before' }>;
    }
  | { kind: 'notFound'; message: string }
  | { kind: 'refused'; message: string; cases: Array<{ caseId: string; reason: string }> };

/** Appending the erasure to a case can meet a concurrent writer: read again and retry, this often. */
const ATTEMPTS = 5;

/**
 * Erases a debtor's personal data: destroys their key (crypto-shredding) and records the erasure
 * in each of their cases. Every case must allow it first (closed; for retention, past its
 * period), so nothing is destroyed when one would refuse. The key goes before the events are
 * appended: a crash in between leaves the data erased, and running again records the rest.
 */
export async function eraseSubject(deps: ErasureDeps, request: EraseSubject): Promise<ErasureOutcome> {
  await deps.catchUp();
  const { subjectId } = request;
  const at = deps.clock.now();
  const found = await deps.subjects.casesOf(subjectId);
  const status = await deps.keys.status(subjectId);
  if (found.length === 0 && status.state === 'unknown') {
    return { kind: 'notFound', message: `No data is held about debtor ${subjectId}.` };
  }
  const loaded = await Promise.all(
    found.map(async (c) => ({ caseId: c.caseId, ...(await loadCase(deps.streams, c.caseId)) })),
  );
  const refusals = loaded.flatMap(({ caseId, state }) => {
    const decision = decideErasure(state, { ...request, at });
    return decision.ok ? [] : [{ caseId, reason: decision.refusal.message }];
  });
  if (refusals.length > 0) {
    return {
      kind: 'refused',
      message: `The personal data of debtor ${subjectId} cannot be erased now: ${refusals.map((r) => r.reason).join(' ')}`,
      cases: refusals,
    };
  }
  const destroyed = await deps.keys.erase(subjectId, { at, reason: request.reason });
  const cases = [];
  for (const { caseId } of loaded) cases.push({ caseId, recorded: await recordIn(deps, caseId, request, at) });
  const erasedAt = destroyed === 'erased' ? at : ((await deps.keys.status(subjectId)).erasedAt ?? at);
  return { kind: 'erased', subjectId, erasedAt, keyDestroyedNow: destroyed === 'erased', cases };
}

/** Appends the case's erasure event unless it has one; its id is the case's and subject's, so a rerun adds no twin. */
async function recordIn(
  deps: ErasureDeps,
  caseId: string,
  request: EraseSubject,
  at: string,
): Promise<'now' | 'before'> {
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadCase(deps.streams, caseId);
    const decision = decideErasure(state, { ...request, at });
    if (!decision.ok)
      throw new Error(`Case ${caseId} refused its erasure after the key was destroyed: ${decision.refusal.message}`);
    if (decision.events.length === 0) return 'before';
    const metadata = eventMetadata({
      correlationId: request.correlationId,
      causationId: request.correlationId,
      principal: request.principal,
      occurredAt: at,
      command: 'ErasePersonalData',
    });
    const id = uuidFrom(`erasure:${request.subjectId}:${caseId}`);
    try {
      await deps.streams.append(caseId, revision, [{ id, event: decision.events[0], metadata }], subjectOf(state));
      return 'now';
    } catch (error) {
      if (!(error instanceof StaleRevision) || attempt >= ATTEMPTS) throw error;
    }
  }
}

const subjectOf = (state: CaseState) => state.facts!.debtor.id;
