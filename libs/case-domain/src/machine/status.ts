import type { AnyStateNode, SnapshotFrom, StateValue } from 'xstate';
import type { CaseEventType, StageAtObjection, TimerKind } from '../events/case-events';
import {
  caseMachine,
  type AutomaticClosure,
  type CaseMachine,
  type CaseTag,
  type StateMeta,
  type TransitionMeta,
} from './case-machine';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/** A state value as dotted paths: `{ open: { collection: 'demand' } }` is `open.collection.demand`. */
type Paths<V, P extends string = ''> = V extends string
  ? `${P}${V}`
  : { [K in keyof V & string]: Paths<V[K], `${P}${K}.`> }[keyof V & string];
type WithoutOpen<S extends string> = S extends `open.${infer Rest}` ? Rest : S;

/**
 * The state as the business says it: "collection.demand", "dispute.awaitingCreditor",
 * "conciliationBoard", "closed". The machine's `open` wrapper only groups the moves allowed
 * in every open state, so it is left out. The type is read from the machine's definition.
 */
export type CaseStatus = WithoutOpen<Paths<CaseSnapshot['value']>>;

export function statusOf(snapshot: CaseSnapshot): CaseStatus {
  const path = flatten(snapshot.value);
  return (path.startsWith('open.') ? path.slice('open.'.length) : path) as CaseStatus;
}

function flatten(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0];
  const leaf = child === undefined || (typeof child === 'object' && Object.keys(child).length === 0);
  return leaf ? key : `${key}.${flatten(child as StateValue)}`;
}

function nodesOf(node: AnyStateNode = caseMachine.root): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => nodesOf(child))];
}

const NODES = nodesOf();
const statusOfNode = (node: AnyStateNode) => node.path.join('.').replace(/^open\./, '') as CaseStatus;
const metaOf = (node: AnyStateNode) => (node.meta ?? {}) as StateMeta;
/** The places a case can rest in: leaf states (a history pseudo-state is a way back, not a place). */
const PLACES = NODES.filter((n) => n.type !== 'history' && Object.keys(n.states).length === 0);

/** Every state a case can be in, in the order the machine defines them. */
export const CASE_STATUSES: readonly CaseStatus[] = PLACES.map(statusOfNode);

/** Labels a caseworker reads in a queue, from each state's `meta.label`. */
export const STATUS_LABELS = Object.fromEntries(
  PLACES.map((n) => [statusOfNode(n), metaOf(n).label ?? statusOfNode(n)]),
) as Record<CaseStatus, string>;

/** The collection stage an objection is recorded at, when made in this state. */
export function stageAtObjectionIn(snapshot: CaseSnapshot): StageAtObjection | null {
  const metas = Object.values(snapshot.getMeta()) as Array<StateMeta | undefined>;
  return metas.find((m) => m?.stageAtObjection)?.stageAtObjection ?? null;
}

export function carriesDisputeCode(snapshot: CaseSnapshot): boolean {
  return snapshot.hasTag('disputeCode');
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

/** Every event type the machine has a transition for; the others are bookkeeping it has no say over. */
export const MACHINE_EVENT_TYPES: ReadonlySet<CaseEventType> = new Set(
  NODES.flatMap((n) => Object.keys(n.config.on ?? {}) as CaseEventType[]),
);

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
