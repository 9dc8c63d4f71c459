import {
  addDaysToInstant,
  caseViewOf,
  dateOf,
  decide,
  dueTimers,
  evolve,
  initialCaseState,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CaseView,
  type HandOverClaim,
  type Instant,
  type Rejection,
} from '../src';

/** Day 0 of every scenario: a Monday in 2025, when every figure in RULES.md is confirmed. */
export const DAY0: Instant = '2025-03-03T09:00:00.000Z';
export const day = (n: number): Instant => addDaysToInstant(DAY0, n);

type CommandInput = Omit<CaseCommand, 'at'> & { at?: Instant };

/**
 * A case under test, driven the way the engine drives it: every command through `decide`,
 * every event through `evolve`, timers fired by the clock. Reads as given/when/then.
 */
export class CaseSpec {
  state: CaseState = initialCaseState;
  history: CaseEvent[] = [];
  now: Instant = DAY0;

  static given(claim: Partial<HandOverClaim['data']> = {}, at: Instant = DAY0): CaseSpec {
    return new CaseSpec().do({ type: 'HandOverClaim', at, data: handover(claim) } as CommandInput);
  }

  /** Applies a command that must be accepted; returns the spec for chaining. */
  do(command: CommandInput): this {
    const events = this.try(command);
    if (!Array.isArray(events)) throw new Error(`${command.type} was rejected: ${events.message}`);
    return this;
  }

  /** Applies a command; returns its events, or the rejection (and then nothing changed). */
  try(command: CommandInput): CaseEvent[] | Rejection {
    const at = command.at ?? this.now;
    if (at > this.now) this.now = at;
    const decision = decide(this.state, { ...command, at } as CaseCommand);
    if (!decision.ok) return decision.rejection;
    this.record(decision.events);
    return decision.events;
  }

  /** Lets time pass to `to`, firing every timer that falls due on the way, in order. */
  passTime(to: Instant): this {
    for (;;) {
      const [next] = dueTimers(this.state, to);
      if (!next) break;
      this.do({ type: 'FireDeadline', at: next.dueAt, data: { timerId: next.timerId } });
    }
    if (to > this.now) this.now = to;
    return this;
  }

  passDays(days: number): this {
    return this.passTime(addDaysToInstant(this.now, days));
  }

  get status() {
    return this.state.status;
  }
  get view(): CaseView {
    return caseViewOf(this.state, dateOf(this.now));
  }
  eventTypes(): string[] {
    return this.history.map((e) => e.type);
  }
  count(type: CaseEvent['type']): number {
    return this.history.filter((e) => e.type === type).length;
  }
  last<T extends CaseEvent['type']>(type: T): Extract<CaseEvent, { type: T }> {
    const found = [...this.history].reverse().find((e) => e.type === type);
    if (!found) throw new Error(`No ${type} in the history: ${this.eventTypes().join(', ')}`);
    return found as Extract<CaseEvent, { type: T }>;
  }
  openTimerKinds(): string[] {
    return (this.state.facts?.timers ?? []).map((t) => t.kind).sort();
  }

  private record(events: CaseEvent[]) {
    for (const e of events) this.state = evolve(this.state, e);
    this.history.push(...events);
  }
}

/** A realistic consumer claim of 3 000 NOK on two lines, due 30 days before day 0. */
export function handover(overrides: Partial<HandOverClaim['data']> = {}): HandOverClaim['data'] {
  return {
    caseId: 'case-1',
    creditorId: 'creditor-a',
    creditorReference: 'INV-1001',
    debtor: {
      id: 'debtor-1',
      name: 'Kari Nordmann',
      kind: 'consumer',
      contact: { phone: '+4791234567', email: 'kari@example.no' },
    },
    invoice: {
      number: '1001',
      issueDate: '2025-01-15',
      dueDate: '2025-02-01',
      currency: 'NOK',
      lines: [
        { lineId: 'L1', description: 'Installation', amount: 2_000_00 },
        { lineId: 'L2', description: 'Service visit', amount: 1_000_00 },
      ],
    },
    noticeAlreadySentOn: null,
    disputedBeforeHandover: null,
    ...overrides,
  };
}

export const objection = (lineIds?: string[]): CommandInput =>
  ({
    type: 'RegisterObjection',
    data: { lineIds, debtorStatement: 'The service visit never happened.', channel: 'written' },
  }) as CommandInput;

export const cmd = <T extends CaseCommand['type']>(
  type: T,
  data: Extract<CaseCommand, { type: T }>['data'],
): CommandInput => ({ type, data }) as CommandInput;
