import * as fc from 'fast-check';
import {
  addDays,
  ACTION_VARIANTS,
  CASEWORK_ACTIONS,
  dateOf,
  decide,
  type CaseCommand,
  type CaseworkAction,
} from '../src';
import { cmd, type CaseSpec } from '../testing';
import { BUILDERS, runWalk, walk } from './walk';

type Input = ReturnType<(typeof BUILDERS)[keyof typeof BUILDERS]>;
type VariantAction =
  | 'RecordCreditorReply'
  | 'RecordDebtorContact'
  | 'RecordDebtorAnswer'
  | 'DecideOnConciliation'
  | 'RecordBoardOutcome'
  | 'RecordCourtOutcome';

/** Valid input for each variant of the actions that have them. */
const VARIANT_INPUT: Record<VariantAction, Record<string, (spec: CaseSpec) => Input>> = {
  RecordCreditorReply: {
    maintain: () => cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }),
    creditDisputedLines: () => cmd('RecordCreditorReply', { reply: 'creditDisputedLines' }),
  },
  RecordDebtorContact: {
    letter: () => cmd('RecordDebtorContact', { channel: 'letter' }),
    email: () => cmd('RecordDebtorContact', { channel: 'email' }),
    phoneReached: () =>
      cmd('RecordDebtorContact', { channel: 'phone', reached: true, summary: 'Called', answer: 'maintainsDispute' }),
    phoneNotReached: () => cmd('RecordDebtorContact', { channel: 'phone', reached: false }),
  },
  RecordDebtorAnswer: {
    accepts: () => cmd('RecordDebtorAnswer', { answer: 'accepts', summary: 'Agrees' }),
    maintainsDispute: () => cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'Still disputes' }),
  },
  DecideOnConciliation: {
    agencyFiles: () => cmd('DecideOnConciliation', { choice: 'agencyFiles' }),
    creditorFiles: () => cmd('DecideOnConciliation', { choice: 'creditorFiles' }),
    close: () => cmd('DecideOnConciliation', { choice: 'close' }),
  },
  RecordBoardOutcome: {
    settlement: (spec) =>
      cmd('RecordBoardOutcome', {
        outcome: 'settlement',
        amount: Math.max(1, Math.floor(spec.view.amounts.outstanding / 2)),
        dueDate: addDays(dateOf(spec.now), 30),
      }),
    judgmentForCreditor: () => cmd('RecordBoardOutcome', { outcome: 'judgmentForCreditor' }),
    defaultJudgment: () => cmd('RecordBoardOutcome', { outcome: 'defaultJudgment' }),
    judgmentForDebtor: () => cmd('RecordBoardOutcome', { outcome: 'judgmentForDebtor' }),
    noAgreement: () => cmd('RecordBoardOutcome', { outcome: 'noAgreement' }),
  },
  RecordCourtOutcome: {
    endorsed: () => cmd('RecordCourtOutcome', { outcome: 'endorsed' }),
    opposed: () => cmd('RecordCourtOutcome', { outcome: 'opposed' }),
    judgmentForCreditor: () => cmd('RecordCourtOutcome', { outcome: 'judgmentForCreditor' }),
    defaultJudgment: () => cmd('RecordCourtOutcome', { outcome: 'defaultJudgment' }),
    judgmentForDebtor: () => cmd('RecordCourtOutcome', { outcome: 'judgmentForDebtor' }),
  },
};

/** Every kind of valid input for an action: each variant, or the builder's forms (full or partial objection, ...). */
function inputsFor(spec: CaseSpec, action: Exclude<CaseworkAction, 'HandOverClaim'>) {
  const variants = VARIANT_INPUT[action as VariantAction];
  if (variants) return Object.entries(variants).map(([option, build]) => ({ option, input: build(spec) }));
  return [0, 1, 2].map((form) => ({ option: null, input: BUILDERS[action](spec, form, 50) }));
}

/** Tries every action, in every form, on the case as it stands (decide is pure: nothing is kept). */
function everyActionAgreesWithTheList(spec: CaseSpec) {
  // A case credited in full has no line left to build input on (and is closed: see properties.spec.ts).
  if (!spec.state.facts?.lines.some((l) => l.credited < l.amount)) return;
  const view = spec.view;
  for (const action of CASEWORK_ACTIONS) {
    if (action === 'HandOverClaim') continue;
    for (const { option, input } of inputsFor(spec, action)) {
      const listed =
        view.allowedActions.includes(action) &&
        (option === null || (view.actionOptions[action] ?? []).includes(option));
      const decision = decide(spec.state, { ...input, at: spec.now } as CaseCommand);
      const outcome = decision.ok ? 'accepted' : `${decision.rejection.kind}: ${decision.rejection.message}`;
      const where = `${action}${option ? ` (${option})` : ''} in ${spec.status} on ${dateOf(spec.now)}`;
      if (listed) expect({ where, outcome }).toEqual({ where, outcome: 'accepted' });
      else
        expect({ where, outcome: decision.ok ? 'accepted' : decision.rejection.kind }).toEqual({
          where,
          outcome: 'notAllowed',
        });
    }
  }
}

describe('allowed actions are exact', () => {
  it('has valid input for every variant of every action that has variants', () => {
    expect(Object.keys(VARIANT_INPUT).sort()).toEqual(Object.keys(ACTION_VARIANTS).sort());
    for (const [action, variants] of Object.entries(ACTION_VARIANTS)) {
      expect(Object.keys(VARIANT_INPUT[action as VariantAction]).sort()).toEqual(Object.keys(variants).sort());
    }
  });

  it('at every step of random cases, every listed action (and variant) is accepted with valid input, and no unlisted one is', () => {
    fc.assert(
      fc.property(walk, ({ start, steps }) => {
        runWalk(start, steps, { afterStep: everyActionAgreesWithTheList });
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('lists the forliksklage or the new payment demand, never both, on either side of six months', () => {
    const spec = runWalk(0, []).passDays(20);
    expect(spec.status).toBe('collection.demand');
    spec
      .do(cmd('RegisterObjection', { debtorStatement: 'Disputed', channel: 'written' }))
      .do(cmd('RejectObjection', { writtenAnswer: 'Documented.' }))
      .do(cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'Still disputes' }))
      .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }));
    expect(spec.view.allowedActions).toContain('FileConciliationComplaint');
    expect(spec.view.allowedActions).not.toContain('SendNewPaymentDemand');
    everyActionAgreesWithTheList(spec);
    spec.passDays(200);
    expect(spec.status).toBe('dispute.newDemandNeeded');
    expect(spec.view.allowedActions).toContain('SendNewPaymentDemand');
    expect(spec.view.allowedActions).not.toContain('FileConciliationComplaint');
    everyActionAgreesWithTheList(spec);
  });
});
