import {
  CASEWORK_ACTIONS,
  type CaseCommand,
  type CaseCommandType,
  type CaseworkAction,
  type CommandOf,
} from '../commands/case-commands';
import {
  BOARD_OUTCOME_EVENTS,
  CONCILIATION_CHOICE_EVENTS,
  COURT_OUTCOME_EVENTS,
  CREDITOR_REPLY_EVENTS,
  DEBTOR_ANSWER_EVENTS,
  DEBTOR_CONTACT_EVENTS,
} from '../commands/command-variants';
import type { TransitionEvent } from '../events/case-events';

type Gate = TransitionEvent['type'];

/** The event a command (variant) needs the machine to allow, and every such event over its variants. */
interface GateRule<T extends CaseCommandType> {
  of(data: CommandOf<T>['data']): Gate | null;
  all: readonly Gate[];
  /** For a command with variants: each variant's gate. */
  variants?: Readonly<Record<string, Gate>>;
}

const single = (gate: Gate) => ({ of: () => gate, all: [gate] });

/** A command whose variant, picked from its data, names the event (an unknown variant opens no gate). */
function variant<T extends CaseCommandType, E extends Record<string, Gate>>(
  events: E,
  pick: (data: CommandOf<T>['data']) => string,
): GateRule<T> {
  return { of: (data) => events[pick(data)] ?? null, all: [...new Set(Object.values(events))], variants: events };
}

/**
 * The one command → event gate map. Asking the machine about the gate, before any payload is
 * looked at, is how "which actions are allowed now" stays the machine's answer alone.
 */
export const COMMAND_GATES: { [T in CaseCommandType]: GateRule<T> } = {
  HandOverClaim: single('ClaimHandedOver'),
  RegisterObjection: single('ObjectionRegistered'),
  RejectObjection: single('ObjectionRejectedByAgency'),
  RequestDocuments: single('DocumentsRequested'),
  RecordDocumentsReceived: single('DocumentsReceived'),
  ReferObjectionToCreditor: single('ObjectionReferredToCreditor'),
  RecordCreditorReply: variant(CREDITOR_REPLY_EVENTS, (data) => data.reply),
  RecordDebtorContact: variant(DEBTOR_CONTACT_EVENTS, (data) => {
    if (data.channel !== 'phone') return data.channel;
    return 'reached' in data && data.reached ? 'phoneReached' : 'phoneNotReached';
  }),
  RecordDebtorAnswer: variant(DEBTOR_ANSWER_EVENTS, (data) => data.answer),
  RegisterPayment: single('PaymentRegistered'),
  IssueCreditNote: single('CreditNoteIssued'),
  WithdrawClaim: single('ClaimWithdrawn'),
  DecideOnConciliation: variant(CONCILIATION_CHOICE_EVENTS, (data) => data.choice),
  FileConciliationComplaint: single('ConciliationComplaintFiled'),
  SendNewPaymentDemand: single('NewPaymentDemandSent'),
  RecordBoardOutcome: variant(BOARD_OUTCOME_EVENTS, (data) => data.outcome),
  FilePaymentOrder: single('PaymentOrderFiled'),
  FileCourtClaim: single('CourtClaimFiled'),
  // An opposed betalingspåkrav continues as a civil case when the form chose it: one more event it may record.
  RecordCourtOutcome: (() => {
    const rule = variant<'RecordCourtOutcome', typeof COURT_OUTCOME_EVENTS>(
      COURT_OUTCOME_EVENTS,
      (data) => data.outcome,
    );
    return { ...rule, all: [...rule.all, 'PaymentOrderContinuedAsCivilCase'] };
  })(),
  CloseCase: single('CaseClosed'),
  // The timer's own gate is the consequence of the timer that fell due: see decide/deadline.ts.
  FireDeadline: { of: () => null, all: [] },
};

export function gateOf(command: CaseCommand): Gate | null {
  const rule = COMMAND_GATES[command.type] as GateRule<CaseCommandType>;
  return rule.of(command.data as never);
}

/** The variants of each action that has them, with each one's gate. */
export const ACTION_VARIANTS = Object.fromEntries(
  CASEWORK_ACTIONS.flatMap((action) => {
    const variants = COMMAND_GATES[action].variants;
    return variants ? [[action, variants]] : [];
  }),
) as Partial<Record<CaseworkAction, Readonly<Record<string, Gate>>>>;

/** Every gate an action has, over all its variants: the action is offered when any is open. */
export const ACTION_GATES = Object.fromEntries(
  CASEWORK_ACTIONS.map((action) => [action, COMMAND_GATES[action].all]),
) as Record<CaseworkAction, readonly Gate[]>;
