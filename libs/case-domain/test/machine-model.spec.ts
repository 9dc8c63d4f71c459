import * as fc from 'fast-check';
import { getShortestPaths } from '@xstate/graph';
import { caseMachine, MACHINE_EVENT_SAMPLES } from '../src';
import { activeLeaves, MACHINE_STATES, MACHINE_TRANSITIONS, TransitionCoverage } from './coverage';
import { runWalk, walk } from './walk';
import { CaseSpec, cmd, handover, objection } from '../testing';

/**
 * Journeys a random walk seldom takes: a partial objection whose lines are credited while the
 * forliksklage is being prepared or is before the board.
 */
function scriptedJourneys(coverage: TransitionCoverage) {
  const toDecision = () =>
    CaseSpec.given()
      .do(objection(['L2']))
      .do(cmd('RejectObjection', { writtenAnswer: 'Documented.' }))
      .do(cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'Still disputes' }))
      .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }));
  const creditDisputed = cmd('IssueCreditNote', {
    lines: [{ lineId: 'L2', amount: 1_000_00 }],
    reason: 'Creditor gave in',
  });
  for (const file of [false, true]) {
    const spec = toDecision();
    if (file) spec.do(cmd('FileConciliationComplaint', { board: 'Oslo forliksråd' }));
    const before = spec.state;
    const length = spec.history.length;
    spec.do(creditDisputed);
    coverage.record(before, spec.history.slice(length));
    expect(spec.status).toBe('collection.notice');
  }
  // Six months pass while the forliksklage is prepared: a new demand runs its 14 days first.
  const late = toDecision();
  const before = late.state;
  const length = late.history.length;
  late.passDays(200).do(cmd('SendNewPaymentDemand', {})).passDays(15);
  coverage.record(before, late.history.slice(length));
  expect(late.status).toBe('dispute.preparingComplaint');
  danishCourtJourneys(coverage);
}

/** The Danish court routes' rarer ends: a betalingspåkrav the debtor opposes, a judgment for the debtor. */
function danishCourtJourneys(coverage: TransitionCoverage) {
  const danish = () =>
    CaseSpec.given({ jurisdiction: 'DK', invoice: { ...handover().invoice, currency: 'DKK' } }).passDays(11);
  const opposed = danish();
  let before = opposed.state;
  let length = opposed.history.length;
  opposed
    .do(cmd('FilePaymentOrder', { court: 'Fogedretten i København' }))
    .passDays(15)
    .do(cmd('RecordCourtOutcome', { outcome: 'opposed', summary: 'Debtor objected' }));
  coverage.record(before, opposed.history.slice(length));
  expect(opposed.state.facts?.closure?.reason).toBe('paymentOrderOpposed');

  const upheld = danish();
  before = upheld.state;
  length = upheld.history.length;
  upheld
    .do(objection())
    .do(cmd('ReferObjectionToCreditor', {}))
    .do(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }))
    .do(cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'Still disputes' }))
    .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }))
    .do(cmd('FileCourtClaim', { route: 'smallClaims', court: 'Københavns Byret' }))
    .do(cmd('RecordCourtOutcome', { outcome: 'judgmentForDebtor', summary: 'Objection upheld' }));
  coverage.record(before, upheld.history.slice(length));
  expect(upheld.state.facts?.closure?.reason).toBe('disputeUpheld');
}

describe('the machine as a model', () => {
  it('reaches every state of the lifecycle from a new case (@xstate/graph)', () => {
    const paths = getShortestPaths(caseMachine, { events: [...MACHINE_EVENT_SAMPLES] });
    const reached = new Set(paths.flatMap((p) => activeLeaves(p.state)));
    const unreachable = MACHINE_STATES.filter((id) => !reached.has(id));
    console.log(
      `machine: ${MACHINE_STATES.length - unreachable.length}/${MACHINE_STATES.length} states reachable; ${MACHINE_TRANSITIONS.length} transitions defined`,
    );
    expect(unreachable).toEqual([]);
  });

  it('has every state and every transition exercised by cases driven through decide and evolve', () => {
    const coverage = new TransitionCoverage();
    fc.assert(
      fc.property(walk, ({ start, steps }) => {
        runWalk(start, steps, { coverage });
      }),
      { numRuns: 2000, seed: 20261122 },
    );
    scriptedJourneys(coverage);
    const missedTransitions = MACHINE_TRANSITIONS.filter((t) => !coverage.transitions.has(t));
    const missedStates = MACHINE_STATES.filter((s) => !coverage.states.has(s) && s !== 'case.new');
    console.log(
      `coverage: ${MACHINE_STATES.length - missedStates.length}/${MACHINE_STATES.length} states, ` +
        `${MACHINE_TRANSITIONS.length - missedTransitions.length}/${MACHINE_TRANSITIONS.length} transitions exercised`,
    );
    expect(missedTransitions).toEqual([]);
    expect(missedStates).toEqual([]);
  });
});
