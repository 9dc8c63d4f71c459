import * as fc from 'fast-check';
import { addDays, dateOf, gateOf, machineAllows, type CaseworkAction, type CaseCommand } from '../src';
import { CaseSpec, DAY0, cmd, handover } from '../testing';
import type { TransitionCoverage } from './coverage';

/** One random step: which allowed action (or waiting), which variant, and a size for amounts. */
export interface StepChoice {
  pick: number;
  variant: number;
  fraction: number;
  wait: boolean;
}

export const HANDOVER_VARIANTS = [
  {},
  { noticeAlreadySentOn: '2025-02-10' },
  { noticeAlreadySentOn: '2025-02-28' },
  { disputedBeforeHandover: { debtorStatement: 'Never ordered.' } },
  { debtor: { ...handover().debtor, kind: 'business' as const } },
  // The Danish pack, on the same machine.
  { jurisdiction: 'DK' as const, invoice: { ...handover().invoice, currency: 'DKK' as const } },
  {
    jurisdiction: 'DK' as const,
    invoice: { ...handover().invoice, currency: 'DKK' as const },
    debtor: { ...handover().debtor, kind: 'business' as const },
    noticeAlreadySentOn: '2025-02-10',
  },
];

type Builder = (spec: CaseSpec, variant: number, fraction: number) => Omit<CaseCommand, 'at'>;
const pickOf = <T>(items: readonly T[], n: number): T => items[n % items.length];
const part = (whole: number, fraction: number) => Math.max(1, Math.floor((whole * fraction) / 100));

/** Valid payloads for each action, so a walk explores the lifecycle rather than validation. */
export const BUILDERS: Record<Exclude<CaseworkAction, 'HandOverClaim'>, Builder> = {
  RegisterObjection: (s, v) => {
    const open = s.state.facts!.lines.filter((l) => l.credited < l.amount).map((l) => l.lineId);
    return cmd('RegisterObjection', {
      lineIds: v % 2 ? [open[0]] : undefined,
      debtorStatement: 'Disputed',
      channel: 'written',
    });
  },
  RejectObjection: () => cmd('RejectObjection', { writtenAnswer: 'The claim is documented.' }),
  RequestDocuments: () => cmd('RequestDocuments', { request: 'Send the contract.' }),
  RecordDocumentsReceived: () => cmd('RecordDocumentsReceived', { description: 'Contract' }),
  ReferObjectionToCreditor: () => cmd('ReferObjectionToCreditor', {}),
  RecordCreditorReply: (_, v) =>
    pickOf(
      [
        cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }),
        cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'waive' }),
        cmd('RecordCreditorReply', { reply: 'creditDisputedLines' }),
      ],
      v,
    ),
  RecordDebtorContact: (_, v) =>
    pickOf(
      [
        cmd('RecordDebtorContact', { channel: 'phone', reached: false }),
        cmd('RecordDebtorContact', { channel: 'phone', reached: true, summary: 'Called', answer: 'accepts' }),
        cmd('RecordDebtorContact', { channel: 'phone', reached: true, summary: 'Called', answer: 'maintainsDispute' }),
        cmd('RecordDebtorContact', { channel: 'letter' }),
        cmd('RecordDebtorContact', { channel: 'email' }),
      ],
      v,
    ),
  RecordDebtorAnswer: (_, v) =>
    cmd('RecordDebtorAnswer', { answer: v % 2 ? 'accepts' : 'maintainsDispute', summary: 'Wrote back' }),
  RegisterPayment: (s, v, f) => {
    const owed = s.view.amounts.outstanding;
    const amount = v % 3 === 0 ? owed + (v % 2) * 10_00 : part(owed, f);
    return cmd('RegisterPayment', { amount: Math.max(1, amount), paidOn: dateOf(s.now), reference: `KID ${v}` });
  },
  IssueCreditNote: (s, v, f) => {
    const facts = s.state.facts!;
    const open = facts.lines.filter((l) => l.credited < l.amount);
    if (facts.dispute?.scope === 'partial' && v % 3 === 0) {
      // Crediting exactly the disputed lines ends the dispute, wherever the case stands.
      const disputed = open.filter((l) => facts.dispute!.lineIds.includes(l.lineId));
      return cmd('IssueCreditNote', {
        lines: disputed.map((l) => ({ lineId: l.lineId, amount: l.amount - l.credited })),
        reason: 'Disputed lines credited',
      });
    }
    const line = pickOf(open, v);
    const left = line.amount - line.credited;
    return cmd('IssueCreditNote', {
      lines: [{ lineId: line.lineId, amount: v % 2 ? left : part(left, f) }],
      reason: 'Credit',
    });
  },
  WithdrawClaim: () => cmd('WithdrawClaim', { reason: 'Creditor withdrew' }),
  DecideOnConciliation: (_, v) =>
    cmd('DecideOnConciliation', { choice: pickOf(['agencyFiles', 'creditorFiles', 'close'] as const, v) }),
  FileConciliationComplaint: () => cmd('FileConciliationComplaint', { board: 'Oslo forliksråd' }),
  SendNewPaymentDemand: () => cmd('SendNewPaymentDemand', {}),
  RecordBoardOutcome: (s, v, f) => {
    const outcome = pickOf(
      ['settlement', 'judgmentForCreditor', 'defaultJudgment', 'judgmentForDebtor', 'noAgreement'] as const,
      v,
    );
    return outcome === 'settlement'
      ? cmd('RecordBoardOutcome', {
          outcome,
          amount: part(s.view.amounts.outstanding, f),
          dueDate: addDays(dateOf(s.now), 30),
        })
      : cmd('RecordBoardOutcome', { outcome, summary: 'Decided' });
  },
  FilePaymentOrder: (_, v) =>
    cmd('FilePaymentOrder', { court: 'Fogedretten i København', continueAsCivilCase: v % 2 === 1 }),
  FileCourtClaim: (_, v) =>
    cmd('FileCourtClaim', { route: pickOf(['smallClaims', 'civilCase'] as const, v), court: 'Københavns Byret' }),
  RecordCourtOutcome: (s, v) => {
    // The outcomes the court could give where the case stands (the machine refuses the others).
    const outcomes =
      s.status === 'collection.paymentOrder'
        ? (['endorsed', 'opposed'] as const)
        : (['judgmentForCreditor', 'defaultJudgment', 'judgmentForDebtor'] as const);
    return cmd('RecordCourtOutcome', { outcome: pickOf(outcomes, v), summary: 'Decided' });
  },
  CloseCase: () => cmd('CloseCase', { reason: 'uncollectable', note: 'No assets' }),
};

const ALWAYS_OPEN = new Set<CaseworkAction>(['RegisterPayment', 'IssueCreditNote', 'WithdrawClaim', 'CloseCase']);

/** Waiting fires the next timer due (at its own time), or lets a week pass when none is open. */
export function waitStep(spec: CaseSpec): void {
  const next = [...(spec.state.facts?.timers ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (next) spec.passTime(next.dueAt);
  else spec.passDays(7);
}

const step = fc.record({
  pick: fc.nat(),
  variant: fc.nat(),
  fraction: fc.integer({ min: 1, max: 100 }),
  wait: fc.nat(3).map((n) => n === 0),
});
export const walk = fc.record({
  start: fc.nat(HANDOVER_VARIANTS.length - 1),
  steps: fc.array(step, { maxLength: 40 }),
});

export interface WalkOptions {
  coverage?: TransitionCoverage;
  /** Called after every step with the case as it now stands. */
  afterStep?: (spec: CaseSpec) => void;
}

/** Drives a case through allowed actions and waiting only; every allowed action must be accepted. */
export function runWalk(start: number, steps: StepChoice[], options: WalkOptions = {}): CaseSpec {
  const spec = new CaseSpec();
  const initial = spec.state;
  spec.do({ type: 'HandOverClaim', at: DAY0, data: handover(HANDOVER_VARIANTS[start]) } as never);
  options.coverage?.record(initial, spec.history);
  options.afterStep?.(spec);
  for (const s of steps) {
    if (spec.status === 'closed') break;
    // Actions open in every state (pay, credit, withdraw, close) would end most walks early;
    // they are taken one time in five so walks also reach the far end of the lifecycle.
    const lifecycle = spec.view.allowedActions.filter((a) => a !== 'HandOverClaim' && !ALWAYS_OPEN.has(a));
    const allowed =
      lifecycle.length && s.fraction % 5 !== 0
        ? lifecycle
        : spec.view.allowedActions.filter((a) => a !== 'HandOverClaim');
    const prior = spec.state;
    const length = spec.history.length;
    if (s.wait || allowed.length === 0) waitStep(spec);
    else {
      const action = allowed[s.pick % allowed.length] as keyof typeof BUILDERS;
      const command = BUILDERS[action](spec, s.variant, s.fraction);
      const gate = gateOf({ ...command, at: spec.now } as CaseCommand);
      const result = spec.try(command);
      if (!Array.isArray(result)) {
        // An offered action may have a variant that is not open now (a second letter while the
        // first one's deadline runs); an open one is never refused (allowed-actions.spec.ts).
        expect(gate && !machineAllows(prior, gate)).toBe(true);
        expect(result.kind).toBe('notAllowed');
        continue;
      }
    }
    options.coverage?.record(prior, spec.history.slice(length));
    options.afterStep?.(spec);
  }
  return spec;
}
