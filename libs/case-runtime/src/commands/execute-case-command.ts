import { HttpStatus } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CASE_MACHINE_VERSION, decide, evolve, type CaseEvent, type CaseState, type Rejection } from '@app/case-domain';
import { actorOf, type Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { problem, Problems } from '../http/problem';
import { CaseRepository } from './case-repository';
import { CaseStreams, StaleRevision } from './case-stream.port';
import { ExecuteCaseCommand, PERMITTED } from './case-commands';
import { eventIds } from './ids';

export const EVENT_SCHEMA_VERSION = 1;

export interface CommandResult {
  caseId: string;
  state: CaseState;
  revision: bigint;
  events: CaseEvent[];
  /** False when a repeated handover found the case already there (nothing appended). */
  created: boolean;
  at: string;
}

/** Load the stream, fold, decide, append at the revision read: the one write path of a case. */
@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandResult> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly streams: CaseStreams,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId, command, principal, options }: ExecuteCaseCommand): Promise<CommandResult> {
    if (!PERMITTED[principal.role].has(command.type as never)) {
      throw Problems.forbidden(`The ${principal.role} role may not ${command.type}.`);
    }
    const { state, revision } = await this.cases.load(caseId);
    if (state.facts && !visibleTo(state, principal)) throw Problems.notFound();
    if (command.type === 'HandOverClaim' && state.facts && revision !== 'no_stream') {
      return { caseId, state, revision, events: [], created: false, at: this.clock.now() };
    }
    if (!state.facts && command.type !== 'HandOverClaim') throw Problems.notFound();
    if (options.expectedRevision !== undefined && revision !== options.expectedRevision) {
      throw Problems.staleRevision(String(options.expectedRevision), String(revision));
    }

    const at = this.clock.now();
    const decision = decide(state, { ...command, at } as never);
    if (!decision.ok) throw rejected(decision.rejection);

    const ids = eventIds(decision.events.length, caseId, options.idempotencyKey);
    const metadata = {
      correlationId: options.correlationId,
      causationId: options.idempotencyKey ?? options.correlationId,
      actor: actorOf(principal),
      occurredAt: at,
      machineVersion: CASE_MACHINE_VERSION,
      schemaVersion: EVENT_SCHEMA_VERSION,
      command: command.type,
    };
    let next: bigint;
    try {
      next = await this.streams.append(
        caseId,
        revision,
        decision.events.map((event, i) => ({ id: ids[i], event, metadata })),
      );
    } catch (error) {
      if (error instanceof StaleRevision) {
        throw Problems.staleRevision(String(revision), String(error.actual));
      }
      throw error;
    }
    return {
      caseId,
      state: decision.events.reduce(evolve, state),
      revision: next,
      events: decision.events,
      created: true,
      at,
    };
  }
}

/** A creditor sees only its own cases; to it, another creditor's case does not exist. */
export function visibleTo(state: CaseState, principal: Principal): boolean {
  return principal.role !== 'creditor' || state.facts?.creditorId === principal.creditorId;
}

function rejected(r: Rejection) {
  if (r.kind === 'caseNotFound') return Problems.notFound(r.message);
  return problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    r.kind === 'invalid' ? 'rule-violated' : 'transition-not-allowed',
    r.kind === 'invalid' ? 'The command breaks a rule of the case' : 'Not allowed in the current state',
    {
      detail: r.message,
      command: r.command,
      state: r.state,
      allowedActions: r.allowed,
      ...(r.field ? { field: r.field } : {}),
    },
  );
}
