import { CASE_MACHINE_VERSION } from '@app/case-domain';
import { actorOf, type Principal } from '../auth/principal';

/**
 * 2: `ObjectionRegistered` carries `pausesCollection` (older events are upcast on read).
 * 3: personal fields may hold a sealed value (`{ "$pd1": "<base64>" }`) instead of their text.
 */
export const EVENT_SCHEMA_VERSION = 3;

/** Who recorded an event, when, why (correlation, causation, command) and under which rules. */
export function eventMetadata(m: {
  correlationId: string;
  causationId: string;
  principal: Principal;
  occurredAt: string;
  command: string;
}) {
  return {
    correlationId: m.correlationId,
    causationId: m.causationId,
    actor: actorOf(m.principal),
    occurredAt: m.occurredAt,
    machineVersion: CASE_MACHINE_VERSION,
    schemaVersion: EVENT_SCHEMA_VERSION,
    command: m.command,
  };
}
