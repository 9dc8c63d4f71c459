import {
  caseEventOf,
  evolve,
  initialCaseState,
  isTransitionEvent,
  moveKeyOf,
  type CaseEvent,
  type TransitionEvent,
  type CaseState,
} from '@app/case-domain';
import type { RecordedEvent } from '@app/event-store';
import {
  CHAIN_VERSIONS,
  hashOf,
  storedLinkOf,
  unchainedHashOf,
  type ChainableEvent,
  type StoredText,
} from '../chain/chain-link';
import type { CaseVerification, ChainStatus, Finding } from './findings';
import { feeProblem, interestProblem } from './money-checks';

interface TimerRecord {
  dueAt: string;
  fired: boolean;
  cancelled: boolean;
}

/**
 * Replays one stored case and reports what does not hold: a broken chain link, a gap or a
 * reorder in its revisions, an event the machine does not allow from the state before it, a fee
 * or interest figure that does not recompute, a timer fired twice or not at its time. Works on
 * the events as stored (no keys needed: personal values stay sealed and nothing here reads them).
 */
export function verifyCaseEvents(caseId: string, stored: readonly RecordedEvent[]): CaseVerification {
  const verifier = new CaseVerifier(caseId);
  for (const e of stored) verifier.add(e);
  return verifier.finish();
}

/** The same, one event at a time, so a pass over `$all` can verify every case at once. */
export class CaseVerifier {
  private readonly findings: Finding[] = [];
  private readonly chain = new ChainFollower();
  private readonly timers = new Map<string, TimerRecord>();
  private state: CaseState = initialCaseState;
  private index = 0;
  private lastRevision = -1;
  private lastTime = '';
  private stopped = false;

  constructor(readonly caseId: string) {}

  /** `text`: the event's data and metadata as stored, where the store gave them (hashed as they are). */
  add(recorded: RecordedEvent, text?: StoredText): void {
    // After a gap the revisions go on from the one stored, so one missing event is one finding.
    const i = this.index++ === 0 ? 0 : this.lastRevision + 1;
    const stored = Number(recorded.revision);
    this.lastRevision = stored;
    this.chain.add(recorded, text);
    if (this.stopped) return;
    const findings = this.findings;
    const at = timeOf(recorded);
    if (stored !== i)
      findings.push({
        kind: stored > i ? 'revisionGap' : 'revisionReorder',
        revision: String(stored),
        message:
          stored > i
            ? `revision ${i}${stored > i + 1 ? `–${stored - 1}` : ''} is missing`
            : `revision ${stored} stands where revision ${i} belongs`,
      });
    if (at < this.lastTime)
      findings.push({
        kind: 'revisionReorder',
        revision: String(stored),
        message: `recorded at ${at}, before the event before it (${this.lastTime})`,
      });
    if (at > this.lastTime) this.lastTime = at;
    let event: CaseEvent;
    try {
      event = caseEventOf(recorded.type, recorded.data);
    } catch (error) {
      return this.stop(String(stored), error);
    }
    const state = this.state;
    if (i === 0 && event.type !== 'ClaimHandedOver')
      findings.push({
        kind: 'illegalTransition',
        revision: String(stored),
        message: `a case opens with ClaimHandedOver, not ${event.type}`,
      });
    else if (isTransitionEvent(event) && !machineTakes(state, event))
      findings.push({
        kind: 'illegalTransition',
        revision: String(stored),
        message: `${event.type} is not allowed while the case is ${state.status}`,
      });
    const problem = moneyProblem(state, event);
    if (problem) findings.push({ ...problem, revision: String(stored) });
    const timer = timerProblem(this.timers, event, at);
    if (timer) findings.push({ ...timer, revision: String(stored) });
    try {
      this.state = evolve(state, event);
    } catch (error) {
      this.stop(String(stored), error);
    }
  }

  finish(): CaseVerification {
    const chain = this.chain.status;
    const findings = chain.firstBroken
      ? [{ kind: 'chainBroken' as const, revision: chain.firstBroken.revision, message: chain.firstBroken.reason }]
      : [];
    return {
      caseId: this.caseId,
      events: this.index,
      status: this.state.facts ? this.state.status : null,
      chain,
      findings: [...findings, ...this.findings],
    };
  }

  private stop(revision: string, error: unknown): void {
    this.findings.push({ kind: 'unfoldable', revision, message: (error as Error).message });
    this.stopped = true;
  }
}

const takes = new WeakMap<CaseState['snapshot'], Map<string, boolean>>();

/**
 * Whether the machine takes the event in the case's state. The machine holds no context, so the
 * answer depends on the snapshot and the move key alone; snapshots are shared between cases by
 * evolve's step cache, so XState is asked once per state and move, not once per event.
 */
function machineTakes(state: CaseState, event: TransitionEvent): boolean {
  let known = takes.get(state.snapshot);
  if (!known) takes.set(state.snapshot, (known = new Map()));
  const key = moveKeyOf(event);
  let answer = known.get(key);
  if (answer === undefined) known.set(key, (answer = state.snapshot.can(event)));
  return answer;
}

/** The business time an event was recorded at: the command's clock, else the store's. */
function timeOf(e: RecordedEvent): string {
  return typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.created;
}

function moneyProblem(state: CaseState, event: CaseEvent): Omit<Finding, 'revision'> | null {
  if (event.type === 'FeeCharged' && state.facts) {
    const message = feeProblem(state.facts, event.data.fee, event.data.at);
    if (message) return { kind: 'feeMismatch', message };
  }
  const interest = interestProblem(state.facts, event);
  return interest ? { kind: 'interestMismatch', message: interest } : null;
}

function timerProblem(
  timers: Map<string, TimerRecord>,
  event: CaseEvent,
  at: string,
): Omit<Finding, 'revision'> | null {
  if (event.type === 'DeadlineScheduled') {
    timers.set(event.data.timerId, { dueAt: event.data.dueAt, fired: false, cancelled: false });
  } else if (event.type === 'DeadlineCancelled') {
    const t = timers.get(event.data.timerId);
    if (t) t.cancelled = true;
  } else if (event.type === 'DeadlineFired') {
    const t = timers.get(event.data.timerId);
    if (!t) return { kind: 'timerNotAtItsTime', message: `timer ${event.data.timerId} fired but was never scheduled` };
    if (t.fired)
      return { kind: 'timerFiredTwice', message: `timer ${event.data.timerId} (${event.data.kind}) fired again` };
    t.fired = true;
    if (t.cancelled)
      return { kind: 'timerNotAtItsTime', message: `timer ${event.data.timerId} fired after it was cancelled` };
    if (event.data.at !== t.dueAt)
      return {
        kind: 'timerNotAtItsTime',
        message: `timer ${event.data.timerId} fired for ${event.data.at}, it was due at ${t.dueAt}`,
      };
    if (at < t.dueAt)
      return {
        kind: 'timerNotAtItsTime',
        message: `timer ${event.data.timerId} fired at ${at}, before it was due (${t.dueAt})`,
      };
  }
  return null;
}

/**
 * Follows the links from the start of the stream: each must hash the event's content and name the
 * hash before it. Events before the first link are unchained (stored before the chain existed);
 * a link missing after the chain began is a break, as is any link that does not hold.
 */
export type RecordedEventShape = Pick<
  RecordedEvent,
  'streamId' | 'revision' | 'id' | 'type' | 'data' | 'metadata' | 'created'
>;

export function checkChain(stored: readonly RecordedEventShape[]): ChainStatus {
  const follower = new ChainFollower();
  for (const e of stored) follower.add(e);
  return follower.status;
}

class ChainFollower {
  readonly status: ChainStatus = { chained: 0, unchained: 0, firstBroken: null };
  private prev: string | null = null;
  private started = false;

  add(e: RecordedEventShape, text?: StoredText): void {
    if (this.status.firstBroken) return;
    const event = e as ChainableEvent;
    const link = storedLinkOf(event);
    const prev = this.prev;
    const broken = (reason: string) => void (this.status.firstBroken = { revision: String(e.revision), reason });
    if (!link) {
      if (this.started) return broken(`revision ${e.revision} carries no link, though the chain began before it`);
      this.status.unchained += 1;
      this.prev = unchainedHashOf(event);
      return;
    }
    this.started = true;
    if (link.prev !== prev)
      return broken(
        prev === null && e.revision !== 0n
          ? `revision ${e.revision} links to an event before it, but the stream starts here`
          : `revision ${e.revision} links to ${short(link.prev)}, the event before it hashes to ${short(prev)}: ` +
              'an event before it was removed, altered or moved',
      );
    if (!CHAIN_VERSIONS.includes(link.v))
      return broken(`revision ${e.revision} carries a link of chain version ${link.v}, which no verifier knows`);
    if (hashOf(event, link.prev, link.v, text) !== link.hash)
      return broken(`revision ${e.revision} does not hash to its link: its stored content was altered`);
    this.status.chained += 1;
    this.prev = link.hash;
  }
}

const short = (hash: string | null) => (hash ? hash.slice(0, 12) : 'nothing');
