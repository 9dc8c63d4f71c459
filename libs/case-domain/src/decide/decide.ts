import { RuleNotInForce } from '../money';
import type { CaseCommand, CommandOf, CaseCommandType } from '../commands/case-commands';
import type { CaseEvent } from '../events/case-events';
import { reconcileTimers } from '../deadlines/reconcile-timers';
import type { CaseFacts, CaseState } from '../state/case-state';
import { evolve, isTransitionEvent } from '../state/evolve';
import { allowedActions, machineAllows } from '../views/allowed-actions';
import { gateOf } from './gates';
import { refusalOf } from './preconditions';
import { dateOf } from '../time/dates';
import { isInvalid, type Decision, type Draft, type Rejection, type RejectionKind } from './rejection';
import { decideHandOver } from './handover';
import { objectionDeciders } from './objection';
import { partyDeciders } from './parties';
import { moneyDeciders } from './money';
import { conciliationDeciders } from './conciliation';
import { decideFireDeadline } from './deadline';
import { courtDeciders } from '../packs/denmark/court';

type Decider<T extends CaseCommandType> = (facts: CaseFacts, command: CommandOf<T>, state: CaseState) => Draft;
type Deciders = { [T in Exclude<CaseCommandType, 'HandOverClaim'>]: Decider<T> };

const DECIDERS: Deciders = {
  ...objectionDeciders,
  ...partyDeciders,
  ...moneyDeciders,
  ...conciliationDeciders,
  ...courtDeciders,
  FireDeadline: decideFireDeadline,
};

/**
 * The whole write-side rule: given the case as it stands and a command, the events it yields
 * or why it yields none. The machine says whether the move is allowed now; the capability's
 * decider computes the facts (fees, interest, allocation, recommendation); then every event
 * is checked against the machine in order and the timer bookkeeping is added.
 */
export function decide(state: CaseState, command: CaseCommand): Decision {
  const reject = (kind: RejectionKind, message: string, field?: string) =>
    rejection(state, command, kind, message, field);

  if (command.type !== 'HandOverClaim' && state.facts === null)
    return reject('caseNotFound', 'No claim has been handed over for this case.');
  const gate = gateOf(command);
  if (gate && !machineAllows(state, gate)) {
    return reject('notAllowed', `${command.type} is not allowed while the case is ${state.status}.`);
  }
  const refusal = state.facts && refusalOf(command.type, state.facts, dateOf(command.at));
  if (refusal) return reject('notAllowed', refusal);

  let draft: Draft;
  try {
    draft =
      command.type === 'HandOverClaim'
        ? decideHandOver(command)
        : (DECIDERS[command.type] as Decider<typeof command.type>)(state.facts!, command as never, state);
  } catch (error) {
    if (error instanceof RuleNotInForce) return reject('invalid', error.message);
    throw error;
  }
  if (isInvalid(draft)) {
    return draft.field === 'state'
      ? reject('notAllowed', draft.invalid)
      : reject('invalid', draft.invalid, draft.field);
  }
  return settle(state, command, draft);
}

function settle(state: CaseState, command: CaseCommand, draft: CaseEvent[]): Decision {
  const events: CaseEvent[] = [];
  let current = state;
  for (const event of draft) {
    if (isTransitionEvent(event) && !machineAllows(current, event.type)) {
      return rejection(
        state,
        command,
        'notAllowed',
        `${event.type} is not allowed while the case is ${current.status}.`,
      );
    }
    const before = current;
    current = evolve(current, event);
    events.push(event);
    if (!isTransitionEvent(event)) continue;
    for (const timerEvent of reconcileTimers(before, current, event)) {
      current = evolve(current, timerEvent);
      events.push(timerEvent);
    }
  }
  return { ok: true, events };
}

function rejection(
  state: CaseState,
  command: CaseCommand,
  kind: RejectionKind,
  message: string,
  field?: string,
): Decision {
  const allowed = allowedActions(state, dateOf(command.at));
  const r: Rejection = { kind, command: command.type, state: state.status, allowed, message };
  if (field) r.field = field;
  return { ok: false, rejection: r };
}
