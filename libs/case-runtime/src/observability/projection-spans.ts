import type { RecordedEvent } from '@app/event-store';
import { contextFromTraceparent, tracer } from './tracing';

/**
 * Continues the trace of each event that carries one (its command's append span, in the
 * metadata's `traceparent`) with a span for its projection: from the batch's read to its commit.
 * Events appended while tracing was off carry none, and cost nothing here.
 */
export function traceProjected(projection: string, events: RecordedEvent[], startedAtMs: number): void {
  for (const event of events) {
    const { traceparent, correlationId } = event.metadata;
    if (typeof traceparent !== 'string') continue;
    const span = tracer().startSpan(
      `projection ${projection}`,
      {
        startTime: startedAtMs,
        attributes: {
          'projection.name': projection,
          'event.type': event.type,
          ...(typeof correlationId === 'string' ? { 'correlation.id': correlationId } : {}),
        },
      },
      contextFromTraceparent(traceparent),
    );
    span.end();
  }
}

/** The correlation ids of a batch, for the worker's log line about it (ids only: nothing personal). */
export function correlationIdsOf(events: RecordedEvent[]): string[] {
  return [...new Set(events.map((e) => e.metadata.correlationId).filter((id): id is string => typeof id === 'string'))];
}
