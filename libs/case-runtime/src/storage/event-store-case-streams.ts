import { chained, headHashOf } from '@app/audit';
import { caseEventOf } from '@app/case-domain';
import { WrongExpectedVersion, type EventStore, type EventMetadata, type RecordedEvent } from '@app/event-store';
import {
  CaseStreams,
  StaleRevision,
  streamOf,
  type NewCaseEvent,
  type ReadCaseOptions,
  type StoredCaseEvent,
} from '../commands/case-streams.port';
import type { PersonalDataVault } from '../personal-data/personal-data-vault';

/**
 * Case streams on the event store port, whichever adapter the configuration chose. Personal
 * values are sealed on the way in and opened on the way out, so the command path and everything
 * that reads cases through here sees them in clear while the store holds only ciphertext.
 */
export class EventStoreCaseStreams extends CaseStreams {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
  ) {
    super();
  }

  async read(caseId: string, options: ReadCaseOptions = {}): Promise<StoredCaseEvent[]> {
    const stream = streamOf(caseId);
    const from = options.fromRevision ?? 0n;
    const recorded = await this.store.readStream(stream, from > 0n ? { fromRevision: from } : {});
    if (recorded.length === 0) return [];
    const subject = options.subjectId ?? (from === 0n ? subjectIn(recorded[0]) : await this.subjectOf(stream));
    const opened = await this.vault.open(subject, recorded);
    return opened.map((e) => ({
      event: caseEventOf(e.type, e.data),
      revision: e.revision,
      recordedAt: e.created,
      metadata: e.metadata,
    }));
  }

  async append(caseId: string, expected: bigint | 'no_stream', events: NewCaseEvent[], subjectId: string) {
    const sealed = await this.vault.seal(
      subjectId,
      events.map((e) => e.event),
    );
    const stream = streamOf(caseId);
    // The chain is linked here, the one way case events reach any adapter. The head is read, not
    // remembered: an append that an Idempotency-Key made a no-op would leave a remembered head wrong.
    const head = expected === 'no_stream' ? undefined : await this.headOf(stream);
    const firstRevision = expected === 'no_stream' ? 0n : expected + 1n;
    const linked = chained(
      stream,
      firstRevision,
      headHashOf(head),
      events.map((e, i) => ({ id: e.id, type: sealed[i].type, data: sealed[i].data, metadata: e.metadata })),
    );
    try {
      const result = await this.store.append(
        stream,
        linked.map((e) => ({ ...e, metadata: e.metadata as EventMetadata })),
        { expectedRevision: expected },
      );
      return result.nextExpectedRevision;
    } catch (error) {
      if (error instanceof WrongExpectedVersion) throw new StaleRevision(expected, error.actual);
      throw error;
    }
  }

  private async headOf(stream: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last;
  }

  private async subjectOf(stream: string): Promise<string | null> {
    const [first] = await this.store.readStream(stream, { fromRevision: 0n, maxCount: 1 });
    return first ? subjectIn(first) : null;
  }
}

/** A case's data subject is its debtor, named (in clear) by the handover that opens the stream. */
export function subjectIn(first: RecordedEvent): string | null {
  if (first.type !== 'ClaimHandedOver') return null;
  const id = (first.data as { debtor?: { id?: unknown } }).debtor?.id;
  return typeof id === 'string' ? id : null;
}
