import {
  CASE_MACHINE_VERSION,
  commandAt,
  decide,
  fold,
  initialCaseState,
  type CaseCommandRequest,
  type CaseState,
} from '@app/case-domain';
import { newEventId, SqliteEventStore } from '@app/event-store';
import { caseIdFor, EVENT_SCHEMA_VERSION } from '@app/case-runtime';

export interface SeededCase {
  caseId: string;
  state: CaseState;
  revision: bigint;
}

/**
 * Cases written straight into an embedded store, decided by the real domain (so a server
 * started on the file finds the histories the command path would have left), without HTTP.
 */
export class Seeder {
  readonly store: SqliteEventStore;

  constructor(file: string) {
    this.store = new SqliteEventStore({ file });
  }

  async handOver(reference: string, at: string, creditorId = 'creditor-a'): Promise<SeededCase> {
    const caseId = caseIdFor(creditorId, reference);
    const seeded = { caseId, state: initialCaseState, revision: -1n };
    await this.command(seeded, { type: 'HandOverClaim', data: claim(caseId, creditorId, reference, at) }, at);
    return seeded;
  }

  /** Decides `request` on the case as seeded so far and appends what it caused. */
  async command(seeded: SeededCase, request: CaseCommandRequest, at: string): Promise<number> {
    const decision = decide(seeded.state, commandAt(request, at));
    if (!decision.ok) throw new Error(`seed: ${request.type} refused: ${decision.rejection.message}`);
    const metadata = {
      correlationId: 'bench-seed',
      causationId: 'bench-seed',
      actor: { kind: 'caseworker', id: 'bench' },
      occurredAt: at,
      machineVersion: CASE_MACHINE_VERSION,
      schemaVersion: EVENT_SCHEMA_VERSION,
      command: request.type,
    };
    const result = await this.store.append(
      `case-${seeded.caseId}`,
      decision.events.map((event) => ({ id: newEventId(), type: event.type, data: event.data, metadata })),
      { expectedRevision: seeded.revision < 0n ? 'no_stream' : seeded.revision },
    );
    seeded.state = fold(decision.events, seeded.state);
    seeded.revision = result.nextExpectedRevision;
    return decision.events.length;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** A consumer claim of 20 000 NOK on one line, due a month before `at`. */
export function claim(caseId: string, creditorId: string, reference: string, at: string) {
  const day = Date.parse(at);
  const date = (offsetDays: number) => new Date(day + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return {
    caseId,
    creditorId,
    creditorReference: reference,
    debtor: { id: `debtor-${reference}`, name: 'Bench Debtor', kind: 'consumer' as const, contact: {} },
    invoice: {
      number: reference,
      issueDate: date(-60),
      dueDate: date(-30),
      currency: 'NOK' as const,
      lines: [{ lineId: 'L1', description: 'Installation', amount: 2_000_000 }],
    },
  };
}

export const today = () => new Date().toISOString().slice(0, 10);
