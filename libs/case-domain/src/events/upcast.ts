import type { CaseEvent } from './case-events';

/**
 * A stored event as the current machine reads it. Events are never rewritten in the store;
 * a shape that changed is brought up to date here, on every read, so a history written by an
 * earlier machine version folds to the state it had then.
 *
 * - Machine 2.0.0 added `pausesCollection` to `ObjectionRegistered`. Before it, every objection
 *   paused collection (a partial one too), so an objection without the field paused it.
 */
export function caseEventOf(type: string, data: unknown): CaseEvent {
  const event = { type, data } as CaseEvent;
  if (event.type === 'ObjectionRegistered' && event.data.pausesCollection === undefined) {
    return { type: event.type, data: { ...event.data, pausesCollection: true } };
  }
  return event;
}
