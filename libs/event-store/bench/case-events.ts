import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@app/case-domain';
import { newEventId, type EventData } from '../src';

const METADATA = {
  correlationId: '',
  causationId: '',
  actor: { kind: 'caseworker', id: 'cw-17' },
  occurredAt: '',
  machineVersion: '1.0.0',
  schemaVersion: 1,
};

/** `count` events for one stream, cycling through the template history, with ids as the engine makes them. */
export function eventsFor(template: CaseEvent[], count: number): EventData[] {
  return Array.from({ length: count }, (_, i) => {
    const e = template[i % template.length];
    return {
      id: newEventId(),
      type: e.type,
      data: e.data,
      metadata: { ...METADATA, correlationId: randomUUID(), occurredAt: e.data.at },
    };
  });
}
