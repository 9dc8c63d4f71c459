import { caseEventOf } from '@app/case-domain';
import { WrongExpectedVersion, type EventStore, type EventMetadata } from '@app/event-store';
import {
  CaseStreams,
  StaleRevision,
  streamOf,
  type NewCaseEvent,
  type StoredCaseEvent,
} from '../commands/case-streams.port';

/** Case streams on the event store port: whichever adapter the configuration chose. */
export class EventStoreCaseStreams extends CaseStreams {
  constructor(private readonly store: EventStore) {
    super();
  }

  async read(caseId: string): Promise<StoredCaseEvent[]> {
    return (await this.store.readStream(streamOf(caseId))).map((e) => ({
      event: caseEventOf(e.type, e.data),
      revision: e.revision,
      recordedAt: e.created,
      metadata: e.metadata,
    }));
  }

  async append(caseId: string, expected: bigint | 'no_stream', events: NewCaseEvent[]): Promise<bigint> {
    try {
      const result = await this.store.append(
        streamOf(caseId),
        events.map((e) => ({
          id: e.id,
          type: e.event.type,
          data: e.event.data,
          metadata: e.metadata as EventMetadata,
        })),
        { expectedRevision: expected },
      );
      return result.nextExpectedRevision;
    } catch (error) {
      if (error instanceof WrongExpectedVersion) throw new StaleRevision(expected, error.actual);
      throw error;
    }
  }
}
