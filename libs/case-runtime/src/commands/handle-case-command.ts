import { CASE_MACHINE_VERSION, commandAt, decide, fold, type CaseCommandRequest } from '@app/case-domain';
import { actorOf, type Principal } from '../auth/principal';
import type { Clock } from '../clock/clock';
import { loadCase } from './case-repository';
import { CaseStreams, StaleRevision } from './case-streams.port';
import { eventIds } from './ids';
import type { CommandOutcome } from './outcome';
import { mayGive, visibleTo } from './permissions';

export const EVENT_SCHEMA_VERSION = 1;

export interface CaseCommandEnvelope {
  caseId: string;
  command: CaseCommandRequest;
  principal: Principal;
  /** The revision the caller decided on (If-Match); a different one is a conflict. */
  expectedRevision?: bigint;
  correlationId: string;
  /** Makes the appended events' ids deterministic, so a retry cannot append twice. */
  idempotencyKey?: string;
}

export interface CommandPathDeps {
  streams: CaseStreams;
  clock: Clock;
}

/**
 * The one write path of a case: load the stream, fold, decide, append at the revision read.
 * Every process (API, worker, CLI) goes through it, and it answers with a typed outcome.
 */
export async function handleCaseCommand(deps: CommandPathDeps, envelope: CaseCommandEnvelope): Promise<CommandOutcome> {
  const { caseId, command, principal } = envelope;
  if (!mayGive(principal, command.type)) {
    return { kind: 'forbidden', message: `The ${principal.role} role may not ${command.type}.` };
  }
  const { state, revision } = await loadCase(deps.streams, caseId);
  if (state.facts && !visibleTo(state, principal)) return { kind: 'notFound', message: 'No such case.' };
  const at = deps.clock.now();
  if (command.type === 'HandOverClaim' && state.facts && revision !== 'no_stream') {
    return { kind: 'accepted', caseId, state, revision, events: [], created: false, at };
  }
  if (!state.facts && command.type !== 'HandOverClaim') return { kind: 'notFound', message: 'No such case.' };
  if (envelope.expectedRevision !== undefined && revision !== envelope.expectedRevision) {
    return { kind: 'conflict', expected: envelope.expectedRevision, actual: revision };
  }

  const decision = decide(state, commandAt(command, at));
  if (!decision.ok) {
    const { rejection } = decision;
    return rejection.kind === 'caseNotFound'
      ? { kind: 'notFound', message: rejection.message }
      : { kind: 'rejected', rejection };
  }

  const ids = eventIds(decision.events.length, caseId, envelope.idempotencyKey);
  const metadata = {
    correlationId: envelope.correlationId,
    causationId: envelope.idempotencyKey ?? envelope.correlationId,
    actor: actorOf(principal),
    occurredAt: at,
    machineVersion: CASE_MACHINE_VERSION,
    schemaVersion: EVENT_SCHEMA_VERSION,
    command: command.type,
  };
  try {
    const next = await deps.streams.append(
      caseId,
      revision,
      decision.events.map((event, i) => ({ id: ids[i], event, metadata })),
    );
    const after = fold(decision.events, state);
    return { kind: 'accepted', caseId, state: after, revision: next, events: decision.events, created: true, at };
  } catch (error) {
    if (error instanceof StaleRevision) return { kind: 'conflict', expected: revision, actual: error.actual };
    throw error;
  }
}
