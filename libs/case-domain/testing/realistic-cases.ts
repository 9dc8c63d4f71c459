import {
  addDaysToInstant,
  CASE_MACHINE_VERSION,
  commandAt,
  decide,
  evolve,
  initialCaseState,
  type CaseCommandRequest,
  type CaseEvent,
  type CaseState,
  type Instant,
} from '../src';
import { habitOf, nextCommand, type Habit } from './realistic/case-walk';
import { CREDITORS, handoverData } from './realistic/parties';
import { digest64, Random } from './realistic/random';

/** Who gave a command, as the command path records it (`actorOf` of the caller's principal). */
export interface RealisticActor {
  kind: 'caseworker' | 'creditor' | 'system';
  id: string;
  creditorId?: string;
}

/** The metadata the command path writes on every event of a command (`metadataFor`). */
export interface RealisticMetadata {
  correlationId: string;
  causationId: string;
  actor: RealisticActor;
  occurredAt: Instant;
  machineVersion: string;
  schemaVersion: number;
  command: CaseCommandRequest['type'];
  idempotencyKey?: string;
  idempotencyScope?: string;
  requestFingerprint?: string;
  [key: string]: unknown;
}

/** One command's append, ready for `EventStore.append(streamId, events, { expectedRevision })`. */
export interface RealisticAppend {
  caseId: string;
  streamId: string;
  /** `no_stream` for a handover, else the revision of the stream's last event. */
  expectedRevision: 'no_stream' | bigint;
  /** The command as a caller sent it, when, and by whom. */
  command: CaseCommandRequest;
  at: Instant;
  actor: RealisticActor;
  events: Array<{ id: string; type: CaseEvent['type']; data: CaseEvent['data']; metadata: RealisticMetadata }>;
}

export interface RealisticOptions {
  seed?: number;
  /** How many cases are handed over (default 1 000 unless `events` is given). */
  cases?: number;
  /** Stop after the append that reaches this many events (the cases still open stay so). */
  events?: number;
  /** The first handover (default 2025-03-03, day 0 of the specs). */
  start?: Instant;
  /** New cases a day; with the cases' own pace this sets how many run at once (default 150). */
  casesPerDay?: number;
  /** Share of people's commands sent with an Idempotency-Key (timers always have one). Default 0.3. */
  keyedShare?: number;
  /**
   * The event schema version the command path writes (its `EVENT_SCHEMA_VERSION`, which a test in
   * case-runtime holds this default to).
   */
  schemaVersion?: number;
  /** The case id of a handover; the command path derives it from the creditor and reference. */
  caseIdOf?: (creditorId: string, creditorReference: string) => string;
  /** The request fingerprint of a keyed command; the command path hashes the request (SHA-256). */
  fingerprintOf?: (command: CaseCommandRequest) => string;
}

interface LiveCase {
  caseId: string;
  creditorId: string;
  habit: Habit;
  state: CaseState;
  revision: number;
  movesLeft: number;
  /** Timers still followed once people have stopped moving (some recur: reminders, warnings). */
  timersLeft: number;
  now: Instant;
}

type Entry = { at: Instant; seq: number } & (
  { kind: 'arrival' } | { kind: 'timer'; c: LiveCase; timerId: string } | { kind: 'move'; c: LiveCase }
);

/** A case left only to timers due further away than this is no longer followed (it would outlive the data set). */
const FOLLOW_DAYS = 200;
/** Nor after this many firings once people have stopped moving: a recurring reminder would run for ever. */
const TIMERS_AFTER_MOVES = 6;
const DAY_MS = 86_400_000;

/**
 * Realistic case histories for benchmarks and load: cases of very different lengths, decided by
 * the real machine (`decide`/`evolve`, timers fired at their due time as the timer service does),
 * by caseworkers, creditors and the system, with the metadata the command path writes. Yields
 * each command's append in the order of time across all cases, so cases are interleaved in the
 * store as in production. Deterministic from the seed.
 */
export function* realisticCases(options: RealisticOptions = {}): Generator<RealisticAppend> {
  const rng = new Random(options.seed ?? 1);
  const maxCases = options.cases ?? (options.events === undefined ? 1000 : Number.POSITIVE_INFINITY);
  const maxEvents = options.events ?? Number.POSITIVE_INFINITY;
  const perDay = options.casesPerDay ?? 150;
  const keyedShare = options.keyedShare ?? 0.3;
  const schemaVersion = options.schemaVersion ?? 3;
  const caseIdOf = options.caseIdOf ?? (() => rng.uuid());
  const fingerprintOf = options.fingerprintOf ?? ((command: CaseCommandRequest) => digest64(JSON.stringify(command)));
  const creditorWeights = Object.fromEntries(CREDITORS.map((c) => [c.id, c.weight]));
  const references = new Map<string, number>();
  const queue = new EntryHeap();
  let seq = 0;
  let arrived = 0;
  let emitted = 0;
  const start = options.start ?? '2025-03-03T09:00:00.000Z';
  if (maxCases > 0) queue.push({ kind: 'arrival', at: start, seq: seq++ });

  const schedule = (c: LiveCase) => {
    const timer = [...(c.state.facts?.timers ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    const moveAt = c.movesLeft > 0 ? workingTimeAfter(rng, c.now, rng.exp(c.habit.gapDays)) : null;
    if (timer && (!moveAt || timer.dueAt <= moveAt)) {
      if (!moveAt && (c.timersLeft <= 0 || Date.parse(timer.dueAt) - Date.parse(c.now) > FOLLOW_DAYS * DAY_MS)) return;
      // The timer service fires a few seconds after the due time.
      const at = new Date(Date.parse(timer.dueAt) + rng.int(200, 5000)).toISOString();
      queue.push({ kind: 'timer', at, seq: seq++, c, timerId: timer.timerId });
    } else if (moveAt) queue.push({ kind: 'move', at: moveAt, seq: seq++, c });
  };

  const append = (c: LiveCase, command: CaseCommandRequest, at: Instant, actor: RealisticActor, key?: string) => {
    const decision = decide(c.state, commandAt(command, at));
    if (!decision.ok) return null;
    for (const e of decision.events) c.state = evolve(c.state, e);
    const correlationId = command.type === 'FireDeadline' ? `timer:${command.data.timerId}` : rng.uuid();
    const metadata: RealisticMetadata = {
      correlationId,
      causationId: key ?? correlationId,
      actor,
      occurredAt: at,
      machineVersion: CASE_MACHINE_VERSION,
      schemaVersion,
      command: command.type,
      ...(key
        ? {
            idempotencyKey: key,
            idempotencyScope: `${actor.kind}:${actor.creditorId ?? '-'}:${actor.id}`,
            requestFingerprint: fingerprintOf(command),
          }
        : {}),
    };
    const result: RealisticAppend = {
      caseId: c.caseId,
      streamId: `case-${c.caseId}`,
      expectedRevision: c.revision < 0 ? 'no_stream' : BigInt(c.revision),
      command,
      at,
      actor,
      events: decision.events.map((e) => ({ id: rng.uuid(), type: e.type, data: e.data, metadata })),
    };
    c.revision += decision.events.length;
    c.now = at;
    emitted += decision.events.length;
    return result;
  };

  while (queue.size && emitted < maxEvents) {
    const entry = queue.pop()!;
    let out: RealisticAppend | null = null;
    if (entry.kind === 'arrival') {
      arrived += 1;
      if (arrived < maxCases) {
        const gap = rng.exp(DAY_MS / perDay);
        queue.push({ kind: 'arrival', at: new Date(Date.parse(entry.at) + gap).toISOString(), seq: seq++ });
      }
      const creditorId = rng.weighted(creditorWeights);
      const n = (references.get(creditorId) ?? 0) + 1;
      references.set(creditorId, n);
      const reference = `INV-${100000 + n}`;
      const caseId = caseIdOf(creditorId, reference);
      const c: LiveCase = {
        caseId,
        creditorId,
        habit: habitOf(rng),
        state: initialCaseState,
        revision: -1,
        movesLeft: 0,
        timersLeft: TIMERS_AFTER_MOVES,
        now: entry.at,
      };
      c.movesLeft = c.habit.moves;
      const command: CaseCommandRequest = {
        type: 'HandOverClaim',
        data: handoverData(rng, caseId, creditorId, reference, entry.at.slice(0, 10)),
      };
      const actor = rng.chance(0.7) ? creditorActor(creditorId) : caseworker(rng);
      out = append(c, command, entry.at, actor, rng.chance(keyedShare) ? rng.uuid() : undefined);
      if (out) schedule(c);
    } else if (entry.kind === 'timer') {
      const c = entry.c;
      const command: CaseCommandRequest = { type: 'FireDeadline', data: { timerId: entry.timerId } };
      out = append(c, command, entry.at, SYSTEM, `timer:${entry.timerId}`);
      if (c.movesLeft <= 0) c.timersLeft -= 1;
      if (c.state.status !== 'closed') schedule(c);
    } else {
      const c = entry.c;
      c.movesLeft -= 1;
      const command = nextCommand(rng, c.habit, c.state, entry.at);
      if (command) out = append(c, command, entry.at, actorFor(rng, c, command), keyFor(rng, keyedShare));
      if (!out) c.now = entry.at;
      if (c.state.status !== 'closed') schedule(c);
    }
    if (out) yield out;
  }
}

const SYSTEM: RealisticActor = { kind: 'system', id: 'timer-service' };
const creditorActor = (creditorId: string): RealisticActor => ({
  kind: 'creditor',
  id: `svc-${creditorId}`,
  creditorId,
});
const caseworker = (rng: Random): RealisticActor => ({ kind: 'caseworker', id: `cw-${rng.int(1, 30)}` });
const keyFor = (rng: Random, share: number) => (rng.chance(share) ? rng.uuid() : undefined);

/** The creditor answers for itself more often than not; everything else is a caseworker's. */
function actorFor(rng: Random, c: LiveCase, command: CaseCommandRequest): RealisticActor {
  const own = { RecordCreditorReply: 0.6, DecideOnConciliation: 0.6, WithdrawClaim: 0.5, IssueCreditNote: 0.5 }[
    command.type as string
  ];
  return own && rng.chance(own) ? creditorActor(c.creditorId) : caseworker(rng);
}

/** `days` after `from`, moved into office hours (07–15 UTC) of that day, and always after `from`. */
function workingTimeAfter(rng: Random, from: Instant, days: number): Instant {
  const day = addDaysToInstant(from, Math.round(days)).slice(0, 10);
  const at = `${day}T${String(rng.int(7, 14)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.${String(rng.int(0, 999)).padStart(3, '0')}Z`;
  return at > from ? at : new Date(Date.parse(from) + rng.int(60_000, 7_200_000)).toISOString();
}

/** A binary heap of what happens next, earliest first (ties in the order they were planned). */
class EntryHeap {
  private readonly items: Entry[] = [];
  get size() {
    return this.items.length;
  }
  push(e: Entry) {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l], a[m])) m = l;
        if (r < a.length && before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

const before = (x: Entry, y: Entry) => (x.at === y.at ? x.seq < y.seq : x.at < y.at);
