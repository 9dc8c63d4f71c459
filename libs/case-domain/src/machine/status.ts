import type { AnyStateNode, SnapshotFrom, StateValue } from 'xstate';
import type { CaseEventType, StageAtObjection, TimerKind, TransitionEvent } from '../events/case-events';
import {
  caseMachine,
  GUARDED_VARIANTS,
  type AutomaticClosure,
  type CaseMachine,
  type CaseTag,
  type StateMeta,
  type TransitionMeta,
} from './case-machine';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/** The leaf names of a state value: `{ running: 'demand' }` gives `demand`. */
type Leaf<V> = V extends string ? V : { [K in keyof V & string]: Leaf<V[K]> }[keyof V & string];
type OpenValue = Extract<CaseSnapshot['value'], { open: unknown }>['open'];

/** Where the collection track stands; read from the machine's definition. */
export type CollectionStage = Exclude<Leaf<OpenValue['collection']>, 'resumed'>;
/** Where the dispute track stands while a dispute is open (at rest it has no stage). */
export type DisputeStage = Exclude<Leaf<OpenValue['dispute']>, 'none'>;

/**
 * The state as the business says it, one word for the case: the dispute track's stage while a
 * dispute is open ("dispute.awaitingCreditor"), else the collection track's ("collection.demand");
 * "new" and "closed" around them. Both tracks are shown by `tracksOf`.
 */
export type CaseStatus = 'new' | 'closed' | `collection.${CollectionStage}` | `dispute.${DisputeStage}`;

export interface CaseTracks {
  collection: CollectionStage;
  dispute: DisputeStage | null;
}

const DISPUTE_AT_REST = 'none';

function leafOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  return leafOf(Object.values(value)[0] as StateValue);
}

/** The stage of each track of an open case; null before handover and once closed. */
export function tracksOf(snapshot: CaseSnapshot): CaseTracks | null {
  const value = snapshot.value as StateValue;
  if (typeof value === 'string' || !('open' in value)) return null;
  const open = value.open as Record<'collection' | 'dispute', StateValue>;
  const dispute = leafOf(open.dispute);
  return {
    collection: leafOf(open.collection) as CollectionStage,
    dispute: dispute === DISPUTE_AT_REST ? null : (dispute as DisputeStage),
  };
}

export function statusOf(snapshot: CaseSnapshot): CaseStatus {
  const tracks = tracksOf(snapshot);
  if (!tracks) return snapshot.value as CaseStatus;
  return tracks.dispute ? `dispute.${tracks.dispute}` : `collection.${tracks.collection}`;
}

function nodesOf(node: AnyStateNode = caseMachine.root): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => nodesOf(child))];
}

const NODES = nodesOf();
/** A place's name: its track and its own name inside an open case, else its own name. */
const statusOfNode = (node: AnyStateNode) =>
  (node.path[0] === 'open' ? `${node.path[1]}.${node.key}` : node.key) as CaseStatus;
const metaOf = (node: AnyStateNode) => (node.meta ?? {}) as StateMeta;
/**
 * The places a case can rest in: leaf states. A history pseudo-state is a way back, not a place;
 * the dispute track at rest is no status of its own (the collection track's stage is shown).
 */
const PLACES = NODES.filter(
  (n) =>
    n.type !== 'history' &&
    Object.keys(n.states).length === 0 &&
    !(n.path[1] === 'dispute' && n.key === DISPUTE_AT_REST),
);

/** Every state a case can be in, in the order the machine defines them. */
export const CASE_STATUSES: readonly CaseStatus[] = PLACES.map(statusOfNode);

/** Labels a caseworker reads in a queue, from each state's `meta.label`. */
export const STATUS_LABELS = Object.fromEntries(
  PLACES.map((n) => [statusOfNode(n), metaOf(n).label ?? statusOfNode(n)]),
) as Record<CaseStatus, string>;

/** The part of an open case a deadline belongs to: one of its tracks, or the whole case (limitation). */
export type Track = 'collection' | 'dispute' | 'case';

/** The collection stage an objection is recorded at, when made in this state. */
export function stageAtObjectionIn(snapshot: CaseSnapshot): StageAtObjection | null {
  const metas = Object.values(snapshot.getMeta()) as Array<StateMeta | undefined>;
  return metas.find((m) => m?.stageAtObjection)?.stageAtObjection ?? null;
}

export function carriesDisputeCode(snapshot: CaseSnapshot): boolean {
  return snapshot.hasTag('disputeCode');
}

export function collectionPaused(snapshot: CaseSnapshot): boolean {
  return snapshot.hasTag('collectionPaused');
}

export function ownsDeadline(snapshot: CaseSnapshot, kind: TimerKind): boolean {
  return snapshot.hasTag(`deadline:${kind}` satisfies CaseTag);
}

/** Which state (or group of states) owns each deadline, read from the machine's tags. */
export const DEADLINE_OWNERS: ReadonlyMap<TimerKind, string> = new Map(
  NODES.flatMap((n) =>
    [...n.tags]
      .filter((tag) => tag.startsWith('deadline:'))
      .map((tag) => [tag.slice('deadline:'.length) as TimerKind, n.path.join('.')] as const),
  ),
);

/** Which track each deadline belongs to, read from where its owning state sits in the machine. */
export const DEADLINE_TRACKS: ReadonlyMap<TimerKind, Track> = new Map(
  [...DEADLINE_OWNERS].map(([kind, path]) => {
    const region = path.split('.')[1];
    return [kind, region === 'collection' || region === 'dispute' ? region : 'case'] as const;
  }),
);

/** Every event type the machine has a transition for; the others are bookkeeping it has no say over. */
export const MACHINE_EVENT_TYPES: ReadonlySet<CaseEventType> = new Set(
  NODES.flatMap((n) => Object.keys(n.config.on ?? {}) as CaseEventType[]),
);

/**
 * One event of each kind the machine tells apart: every type, and for a type whose guard reads
 * the event's data, each variant it distinguishes. What tools exploring the machine feed it.
 */
export const MACHINE_EVENT_SAMPLES: readonly TransitionEvent[] = [...MACHINE_EVENT_TYPES].flatMap((type) => {
  const variants = (GUARDED_VARIANTS as Partial<Record<CaseEventType, ReadonlyArray<object>>>)[type];
  return (variants ?? [undefined]).map((data) => (data ? { type, data } : { type }) as TransitionEvent);
});

/**
 * The key a move is remembered by: the event's type, and for the one guard that reads data, the
 * variant it reads. Two events with the same key always lead to the same state.
 */
export function moveKeyOf(event: TransitionEvent): string {
  return event.type === 'ObjectionRegistered' ? `${event.type}:${String(event.data.pausesCollection)}` : event.type;
}

/** The events that close a case, each with why, read from the transitions into `closed`. */
export const CLOSING_EVENTS: ReadonlyMap<CaseEventType, AutomaticClosure | 'manual'> = new Map(
  NODES.flatMap((n) =>
    [...n.transitions.entries()].flatMap(([type, definitions]) =>
      definitions
        .filter((d) => d.target?.some((t) => t.type === 'final'))
        .map((d) => [type as CaseEventType, closureOf(type, d.meta as TransitionMeta | undefined)] as const),
    ),
  ),
);

function closureOf(type: string, meta: TransitionMeta | undefined): AutomaticClosure | 'manual' {
  if (!meta?.closure) throw new Error(`The machine closes a case on ${type} without saying why (meta.closure).`);
  return meta.closure;
}
