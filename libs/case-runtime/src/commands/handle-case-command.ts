import {
  allowedActions,
  caseViewOf,
  commandAt,
  dateOf,
  decide,
  fold,
  RuleNotInForce,
  type CaseCommandRequest,
  type CaseState,
} from '@app/case-domain';
import { SubjectErased } from '@app/privacy';
import type { Principal } from '../auth/principal';
import type { EngineMetrics } from '../observability/engine-metrics';
import { activeTraceparent, inSpan, tracer } from '../observability/tracing';
import { eventMetadata } from './metadata';
import type { Clock } from '../clock/clock';
import type { IdempotencyStore } from '../storage/idempotency-store';
import { loadCase, rememberAppended, type LoadedCase } from './case-repository';
import type { CaseQueue } from './case-queue';
import { mayHaveUsed, type CaseStateCache } from './case-state-cache';
import { CaseStreams, StaleRevision } from './case-streams.port';
import { fingerprintOf, idempotencyScopeOf, priorUseIn } from './idempotency';
import { eventIds } from './ids';
import type { CommandOutcome } from './outcome';
import { mayGive, visibleTo } from './permissions';

export interface CaseCommandEnvelope {
  caseId: string;
  command: CaseCommandRequest;
  principal: Principal;
  /** The revision the caller decided on (If-Match); a different one is a conflict. */
  expectedRevision?: bigint;
  correlationId: string;
  /** A retry with the same key gets the first answer, and appends nothing. */
  idempotencyKey?: string;
}

export interface CommandPathDeps {
  streams: CaseStreams;
  clock: Clock;
  keys: IdempotencyStore;
  /** How long an idempotency key is remembered. */
  keyLifetimeMs: number;
  /** Folded state by stream revision: a load then reads only what came after. */
  cache?: CaseStateCache;
  /** Commands on one case one at a time in this process (the API's and the worker's). */
  queue?: CaseQueue;
  /** Append latency (commands by outcome are counted by the caller, which sees every outcome). */
  metrics?: EngineMetrics;
}

type Keyed = { scope: string; key: string; fingerprint: string; since: string };

/**
 * The one write path of a case: load the stream, fold, decide, append at the revision read.
 * Every process goes through it, and it answers with a typed outcome. Nothing is appended that
 * cannot be folded and shown (the view is computed first), and a request with an idempotency
 * key is answered from the stream when it already left its events there, on any instance.
 */
export async function handleCaseCommand(deps: CommandPathDeps, envelope: CaseCommandEnvelope): Promise<CommandOutcome> {
  const { caseId, command, principal } = envelope;
  if (!mayGive(principal, command.type)) {
    return { kind: 'forbidden', message: `The ${principal.role} role may not ${command.type}.` };
  }
  const now = deps.clock.now();
  const keysSince = sinceFor(deps, now);
  // Only a request with an Idempotency-Key pays for its fingerprint and the key checks.
  const keyed = envelope.idempotencyKey ? keyOf(envelope, keysSince) : null;
  if (keyed) {
    const earlier = deps.keys.find(keyed.scope, keyed.key, keyed.since);
    if (earlier && (earlier.fingerprint !== keyed.fingerprint || earlier.caseId !== caseId)) return keyReused();
  }
  const decided = async () => {
    // Without If-Match the caller asked for the case as it is: a race lost to another writer is
    // decided again on the case as it now stands, as if the two had come one after the other.
    for (let attempt = 1; ; attempt++) {
      const outcome = await decideAndAppend(deps, envelope, keyed, keysSince, now);
      if (outcome.kind !== 'lostRace') return outcome;
      if (envelope.expectedRevision !== undefined || attempt >= RACE_ATTEMPTS) return outcome.conflict;
    }
  };
  return deps.queue ? deps.queue.run(caseId, decided) : decided();
}

/** How often a command without If-Match is decided again after losing its revision to another writer. */
const RACE_ATTEMPTS = 8;

type Attempt = CommandOutcome | { kind: 'lostRace'; conflict: CommandOutcome };

/** One load, decide and append at the revision read. */
async function decideAndAppend(
  deps: CommandPathDeps,
  envelope: CaseCommandEnvelope,
  keyed: Keyed | null,
  keysSince: string,
  now: string,
): Promise<Attempt> {
  const { caseId, command, principal } = envelope;
  const loaded = await loadCase(deps.streams, caseId, deps.cache, keysSince);
  const { state, revision } = loaded;
  if (state.facts && !visibleTo(state, principal)) return { kind: 'notFound', message: 'No such case.' };
  const replay = keyed && (await replayFrom(deps, caseId, loaded, keyed));
  if (replay) return replay;
  if (command.type === 'HandOverClaim' && state.facts && revision !== 'no_stream') {
    const view = caseViewOf(state, dateOf(now));
    return { kind: 'accepted', caseId, state, revision, events: [], created: false, at: now, view, replayed: false };
  }
  if (!state.facts && command.type !== 'HandOverClaim') return { kind: 'notFound', message: 'No such case.' };
  if (envelope.expectedRevision !== undefined && revision !== envelope.expectedRevision) {
    return { kind: 'conflict', expected: envelope.expectedRevision, actual: revision };
  }

  const decided = decideTraced(state, command, now);
  if (decided.kind !== 'decided') return decided;
  const { decision, after, view } = decided;

  const ids = eventIds(decision.events.length, caseId, keyed ?? undefined);
  let next: bigint;
  try {
    next = await inSpan('event-store.append', { 'case.command': command.type }, async (span) => {
      span.setAttribute('case.events', decision.events.length);
      // The append's span travels with the events, so whoever projects them continues this trace.
      const traceparent = activeTraceparent();
      const metadata = { ...metadataFor(envelope, keyed, now), ...(traceparent ? { traceparent } : {}) };
      const appended = deps.metrics?.appendStarted();
      try {
        return await deps.streams.append(
          caseId,
          revision,
          decision.events.map((event, i) => ({ id: ids[i], event, metadata })),
          subjectOf(state, command),
        );
      } finally {
        appended?.();
      }
    });
  } catch (error) {
    if (error instanceof SubjectErased) return erasedSubject(error, state, command, now);
    if (!(error instanceof StaleRevision)) throw error;
    // Another request won the revision; if it was this request's twin (same key), answer as it was answered.
    const raced = keyed && (await replayFrom(deps, caseId, await loadCase(deps.streams, caseId, deps.cache), keyed));
    return raced || { kind: 'lostRace', conflict: { kind: 'conflict', expected: revision, actual: error.actual } };
  }
  if (keyed) remember(deps, keyed, caseId, now);
  else if (deps.cache) rememberAppended(deps.cache, caseId, loaded, { state: after, revision: next }, keysSince);
  return {
    kind: 'accepted',
    caseId,
    state: after,
    revision: next,
    events: decision.events,
    created: true,
    at: now,
    view,
    replayed: false,
  };
}

/** The view the caller is answered with; a rule missing for it refuses the command before anything is stored. */
function viewOf(after: CaseState, before: CaseState, command: CaseCommandRequest, now: string) {
  try {
    return { kind: 'shown' as const, view: caseViewOf(after, dateOf(now)) };
  } catch (error) {
    if (!(error instanceof RuleNotInForce)) throw error;
    const rejection = {
      kind: 'invalid' as const,
      command: command.type,
      state: before.status,
      allowed: allowedActions(before, dateOf(now)),
      message: error.message,
    };
    return { kind: 'rejected' as const, rejection };
  }
}

/** The case's data subject: its debtor, from the handover that opened it or opens it now. */
function subjectOf(state: CaseState, command: CaseCommandRequest): string {
  if (state.facts) return state.facts.debtor.id;
  if (command.type === 'HandOverClaim') return command.data.debtor.id;
  throw new Error(`A ${command.type} on a case that was never handed over`);
}

/** New personal data for a debtor whose data was erased cannot be stored: the key is gone for good. */
function erasedSubject(error: SubjectErased, before: CaseState, command: CaseCommandRequest, now: string) {
  const rejection = {
    kind: 'invalid' as const,
    command: command.type,
    state: before.status,
    allowed: before.facts ? allowedActions(before, dateOf(now)) : [],
    message:
      `The personal data of debtor ${error.subjectId} was erased${error.erasedAt ? ` on ${error.erasedAt}` : ''}: ` +
      'nothing personal can be recorded for them again. A new claim against the same person needs a new debtor id.',
  };
  return { kind: 'rejected' as const, rejection };
}

/** Who, when, under which rules, and for a keyed request the key, its scope and the request's fingerprint. */
/** decide, then the state and the view after it (nothing is appended that cannot be folded and shown), in one span. */
function decideTraced(state: CaseState, command: CaseCommandRequest, now: string) {
  const span = tracer().startSpan('case.decide', { attributes: { 'case.command': command.type } });
  try {
    const decision = decide(state, commandAt(command, now));
    if (!decision.ok) {
      const { rejection } = decision;
      span.setAttribute('case.rejection', rejection.kind);
      if (rejection.kind === 'caseNotFound') return { kind: 'notFound', message: rejection.message } as const;
      return { kind: 'rejected', rejection } as const;
    }
    span.setAttribute('case.events', decision.events.map((event) => event.type).join(','));
    const after = fold(decision.events, state);
    const shown = viewOf(after, state, command, now);
    if (shown.kind === 'rejected') return shown;
    return { kind: 'decided', decision, after, view: shown.view } as const;
  } finally {
    span.end();
  }
}

function metadataFor(envelope: CaseCommandEnvelope, keyed: Keyed | null, now: string) {
  return {
    ...eventMetadata({
      correlationId: envelope.correlationId,
      causationId: envelope.idempotencyKey ?? envelope.correlationId,
      principal: envelope.principal,
      occurredAt: now,
      command: envelope.command.type,
    }),
    ...(keyed
      ? { idempotencyKey: keyed.key, idempotencyScope: keyed.scope, requestFingerprint: keyed.fingerprint }
      : {}),
  };
}

/** Keys used before this instant are forgotten. */
const sinceFor = (deps: CommandPathDeps, now: string) => new Date(Date.parse(now) - deps.keyLifetimeMs).toISOString();

function keyOf(envelope: CaseCommandEnvelope, since: string): Keyed {
  return {
    scope: idempotencyScopeOf(envelope.principal),
    key: envelope.idempotencyKey!,
    fingerprint: fingerprintOf(envelope.command),
    since,
  };
}

/**
 * The first answer to a keyed request whose events are already in the stream. The load says
 * whether the key can be in the stream at all; only then is the whole stream read (a load from
 * the cache read only its tail), to find that request's events and the state they left.
 */
async function replayFrom(
  deps: CommandPathDeps,
  caseId: string,
  loaded: LoadedCase,
  keyed: Keyed,
): Promise<CommandOutcome | null> {
  if (!mayHaveUsed(loaded.keys, keyed.scope, keyed.key, keyed.since)) return null;
  const stored = loaded.complete ? loaded.stored : await deps.streams.read(caseId);
  const prior = priorUseIn(stored, keyed.scope, keyed.key, keyed.since);
  if (!prior) return null;
  if (prior.fingerprint !== keyed.fingerprint) return keyReused();
  const last = prior.events[prior.events.length - 1];
  const upTo = stored.filter((s) => s.revision <= last.revision).map((s) => s.event);
  const state: CaseState = fold(upTo);
  const at = String(last.metadata.occurredAt);
  return {
    kind: 'accepted',
    caseId,
    state,
    revision: last.revision,
    events: prior.events.map((s) => s.event),
    created: true,
    at,
    view: caseViewOf(state, dateOf(at)),
    replayed: true,
  };
}

/** Remembering the key only guards reuse on other cases: its failure must not cost the caller the answer. */
function remember(deps: CommandPathDeps, keyed: Keyed, caseId: string, now: string): void {
  try {
    deps.keys.remember(keyed.scope, keyed.key, { fingerprint: keyed.fingerprint, caseId, usedAt: now }, keyed.since);
  } catch {
    // The stream holds the key too; a retry on this case is still answered from there.
  }
}

const keyReused = (): CommandOutcome => ({
  kind: 'keyReused',
  message: 'This Idempotency-Key was already used for another request; use a new key for a new request.',
});
