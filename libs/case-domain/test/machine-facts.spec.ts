import { getShortestPaths } from '@xstate/graph';
import { transition } from 'xstate';
import {
  ACTION_GATES,
  CASE_STATUSES,
  CASEWORK_ACTIONS,
  CLOSING_EVENTS,
  DEADLINE_OWNERS,
  MACHINE_EVENT_SAMPLES,
  MACHINE_EVENT_TYPES,
  STATUS_LABELS,
  TIMER_RULES,
  caseMachine,
  carriesDisputeCode,
  statusOf,
  tracksOf,
  type CaseEventType,
  type TransitionEvent,
} from '../src';
import { MACHINE_STATES } from './coverage';

/** Every state the machine can reach, with its snapshot, found by walking the machine itself. */
const reachable = getShortestPaths(caseMachine, { events: [...MACHINE_EVENT_SAMPLES] }).map((path) => path.state);

describe('the lists the engine reads are derived from the machine, and agree with it', () => {
  it('lists every state a case can rest in, once, each with a label written for caseworkers', () => {
    // Every place of the machine but the dispute track at rest, which is no status of its own.
    expect(CASE_STATUSES).toHaveLength(MACHINE_STATES.length - 1);
    expect(new Set(CASE_STATUSES).size).toBe(CASE_STATUSES.length);
    const headlines = new Set(reachable.map((snapshot) => statusOf(snapshot)));
    const trackStages = new Set(
      reachable.flatMap((snapshot) => {
        const tracks = tracksOf(snapshot);
        if (!tracks) return [statusOf(snapshot)];
        return [`collection.${tracks.collection}`, ...(tracks.dispute ? [`dispute.${tracks.dispute}`] : [])];
      }),
    );
    expect([...trackStages].sort()).toEqual([...CASE_STATUSES].sort());
    for (const headline of headlines) expect(CASE_STATUSES).toContain(headline);
    // The collection track is held only while a dispute is open: the dispute's stage is the headline.
    expect(headlines.has('collection.onHold')).toBe(false);
    for (const status of CASE_STATUSES) expect(STATUS_LABELS[status]).not.toBe(status);
    expect(STATUS_LABELS['dispute.awaitingCreditor']).toBe("Awaiting the creditor's reply");
  });

  it('gives every deadline rule exactly one owning state, and owns no deadline without a rule', () => {
    const tagged = [...DEADLINE_OWNERS.keys()].sort();
    expect(tagged).toEqual(TIMER_RULES.map((r) => r.kind).sort());
    expect(Object.fromEntries(DEADLINE_OWNERS)).toEqual({
      limitationWarning: 'open',
      noticeDeadline: 'open.collection.running.notice',
      demandDeadline: 'open.collection.running.demand',
      heavyFeeDue: 'open.collection.running.demand',
      settlementDue: 'open.collection.settlement',
      documentsDeadline: 'open.dispute.disputed.awaitingDebtorDocuments',
      creditorReply: 'open.dispute.disputed.awaitingCreditor',
      debtorPaymentDeadline: 'open.dispute.disputed.awaitingDebtorReply',
      demandExpiry: 'open.dispute.disputed.preparingComplaint',
      newDemandDeadline: 'open.dispute.disputed.newDemandRunning',
    });
  });

  it('closes a case exactly on the events whose transition leads to closed, each with its reason', () => {
    const closing = new Set<string>();
    for (const snapshot of reachable) {
      for (const type of MACHINE_EVENT_TYPES) {
        if (!snapshot.can({ type } as TransitionEvent)) continue;
        const next = transition(caseMachine, snapshot, { type } as TransitionEvent)[0];
        if (next.status === 'done') closing.add(type);
      }
    }
    expect([...CLOSING_EVENTS.keys()].sort()).toEqual([...closing].sort());
    expect(CLOSING_EVENTS.get('ClaimPaidInFull')).toBe('paid');
    expect(CLOSING_EVENTS.get('CaseClosed')).toBe('manual');
  });

  it('lifts the dispute code on exactly the moves out of the states that carry it', () => {
    const lifting = new Set<string>();
    for (const snapshot of reachable.filter(carriesDisputeCode)) {
      for (const type of MACHINE_EVENT_TYPES) {
        if (!snapshot.can({ type } as TransitionEvent) || CLOSING_EVENTS.has(type)) continue;
        const next = transition(caseMachine, snapshot, { type } as TransitionEvent)[0];
        if (!carriesDisputeCode(next)) lifting.add(type);
      }
    }
    // Pinned in the business's words: what ends a dispute without closing the case.
    expect([...lifting].sort()).toEqual([
      'BoardSettlementReached',
      'DebtorAcceptedClaim',
      'DebtorPaymentDeadlinePassed',
      'DisputeResolved',
    ]);
  });

  it('gates every action on events the machine knows, and offers every event a person can cause', () => {
    const gates = CASEWORK_ACTIONS.flatMap((action) => ACTION_GATES[action]);
    for (const gate of gates) expect(MACHINE_EVENT_TYPES.has(gate)).toBe(true);
    // The rest are the system's: consequences of deadlines, and moves a decider adds to a command's.
    const systemOnly: CaseEventType[] = [...MACHINE_EVENT_TYPES].filter((type) => !gates.includes(type as never));
    expect(systemOnly.sort()).toEqual([
      'ClaimCreditedInFull',
      'ClaimPaidInFull',
      'ClaimRegisteredAsDisputed',
      'CollectionNoticeSent',
      'CreditorReplyOverdue',
      'DebtorPaymentDeadlinePassed',
      'DisputeResolved',
      'DocumentsDeadlinePassed',
      'HeavyFeeStageReached',
      'LimitationWarningIssued',
      'NewPaymentDemandDeadlinePassed',
      'PaymentDemandDeadlinePassed',
      'PaymentDemandExpired',
      'PaymentDemandSent',
      'SettlementDueDatePassed',
    ]);
  });

  it('treats fees and timers as bookkeeping the machine has no say over', () => {
    for (const type of ['FeeCharged', 'FeesWaived', 'DeadlineScheduled', 'DeadlineCancelled', 'DeadlineFired']) {
      expect(MACHINE_EVENT_TYPES.has(type as CaseEventType)).toBe(false);
    }
  });
});
