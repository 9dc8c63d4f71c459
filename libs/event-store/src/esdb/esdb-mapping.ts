import type { ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../port';

/** A client event as ours. Positions are kept as EventStoreDB gives them: opaque, not dense. */
export function fromResolved(resolved: ResolvedEvent): RecordedEvent | null {
  const e = resolved.event;
  if (!e) return null;
  const position =
    e.position ??
    (resolved.commitPosition !== undefined
      ? { commit: resolved.commitPosition, prepare: resolved.commitPosition }
      : undefined);
  if (!position) throw new Error(`Event ${e.id} came without a position`);
  return {
    streamId: e.streamId,
    revision: e.revision,
    position,
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: (e.metadata ?? {}) as EventMetadata,
    created: e.created instanceof Date ? e.created.toISOString() : new Date(Number(e.created) / 10_000).toISOString(),
  };
}

/** System streams and events ($-prefixed) are EventStoreDB's own, never the engine's. */
export function isSystem(event: RecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}
