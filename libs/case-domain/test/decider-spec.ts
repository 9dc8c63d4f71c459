import { decide, fold, type CaseCommand, type CaseEvent, type Decision, type Rejection } from '../src';

/**
 * Event-level specifications in the style of Emmett's `DeciderSpecification`: a case is
 * nothing but its history, so a rule is pinned as
 *
 *   given(...events).when(command).then(events)          exact events, in order
 *   given(...events).when(command).thenRejected({...})   the parts of the rejection that matter
 *
 * The given events are folded exactly as the engine folds a stream on load, so a spec never
 * reaches into the state: what a command decides can depend only on what happened before.
 *
 * Call `then` or `thenRejected` inside the test; never return the outcome from it (it has a
 * `then` method, so jest would take it for a promise).
 */
export interface DeciderSpecification {
  when(command: CaseCommand): DecisionSpecification;
}

export interface DecisionSpecification {
  then(expected: CaseEvent[]): void;
  thenRejected(expected: Partial<Rejection>): void;
}

export function given(...history: CaseEvent[]): DeciderSpecification {
  return {
    when(command: CaseCommand): DecisionSpecification {
      const decided = (): Decision => decide(fold(history), command);
      return {
        then(expected: CaseEvent[]): void {
          const decision = decided();
          if (!decision.ok) {
            throw new Error(
              `Expected events, but ${command.type} was rejected (${decision.rejection.kind}): ` +
                decision.rejection.message,
            );
          }
          expect(decision.events).toEqual(expected);
        },
        thenRejected(expected: Partial<Rejection>): void {
          const decision = decided();
          if (decision.ok) {
            throw new Error(
              `Expected a rejection, but ${command.type} yielded ` +
                (decision.events.map((e) => e.type).join(', ') || 'no events'),
            );
          }
          expect(decision.rejection).toMatchObject(expected);
        },
      };
    },
  };
}
