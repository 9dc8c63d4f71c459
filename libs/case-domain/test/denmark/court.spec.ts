import { cmd, day, objection } from '../../testing';
import type { Rejection } from '../../src';
import { danishClaim, feesOf, givenDanish } from './danish-case';

const rejected = (r: unknown) => r as Rejection;
const toCourt = { court: 'Fogedretten i København' };
const big = (kroner: number) => ({
  invoice: { ...danishClaim().invoice!, lines: [{ lineId: 'L1', description: 'Entreprise', amount: kroner * 100 }] },
});

describe('Danish court routes (RULES-DK.md § 6)', () => {
  it('given an undisputed claim past its påkrav, when a betalingspåkrav is filed, then 750 DKK court fee, 14 days to reply, limitation interrupted', () => {
    const spec = givenDanish().passTime(day(10)).do(cmd('FilePaymentOrder', toCourt));
    expect(spec.status).toBe('collection.paymentOrder');
    expect(spec.last('PaymentOrderFiled').data).toMatchObject({
      claim: 3_000_00,
      replyDeadlineAt: '2025-03-27T09:00:00.000Z',
      continueAsCivilCase: false,
      continueForced: false,
    });
    expect(feesOf(spec).at(-1)).toEqual(['courtFee', 750_00, 'debtor']);
    expect(spec.state.facts!.limitation.interrupted).toBe(true);
    expect(spec.view.court).toEqual({
      route: 'paymentOrder',
      filedOn: '2025-03-13',
      replyDeadlineAt: '2025-03-27T09:00:00.000Z',
      continueAsCivilCase: false,
    });
    expect(spec.openTimerKinds()).not.toContain('limitationWarning');
  });

  it('given the påkrav still running, then no betalingspåkrav is offered (a valid § 10 letter must have run out)', () => {
    const spec = givenDanish();
    expect(spec.view.allowedActions).not.toContain('FilePaymentOrder');
    expect(rejected(spec.try(cmd('FilePaymentOrder', toCourt))).kind).toBe('notAllowed');
  });

  it('given an objection to the whole claim is open, when a betalingspåkrav is filed, then it is refused', () => {
    const spec = givenDanish().passTime(day(10)).do(objection());
    expect(spec.view.allowedActions).not.toContain('FilePaymentOrder');
    const r = rejected(spec.try(cmd('FilePaymentOrder', toCourt)));
    expect(r.kind).toBe('notAllowed');
    expect(spec.count('PaymentOrderFiled')).toBe(0);
  });

  it('given an objection to one line is open, when a betalingspåkrav is filed, then it is refused: it is for undisputed claims only', () => {
    const spec = givenDanish()
      .passTime(day(10))
      .do(objection(['L2']));
    expect(spec.status).toBe('dispute.assessing');
    expect(spec.view.allowedActions).not.toContain('FilePaymentOrder');
    const r = rejected(spec.try(cmd('FilePaymentOrder', toCourt)));
    expect(r).toMatchObject({ kind: 'notAllowed' });
    expect(r.message).toMatch(/objection is open/);
  });

  it('given a claim above 100 000 DKK, then a betalingspåkrav is refused', () => {
    const spec = givenDanish(big(100_001)).passTime(day(10));
    expect(rejected(spec.try(cmd('FilePaymentOrder', toCourt))).message).toMatch(/100 000 DKK/);
    expect(givenDanish(big(100_000)).passTime(day(10)).view.allowedActions).toContain('FilePaymentOrder');
  });

  it('given no reply in 14 days, when the court endorses it, then it works as a judgment: closed, and 10 years of limitation', () => {
    const spec = givenDanish().passTime(day(10)).do(cmd('FilePaymentOrder', toCourt));
    expect(spec.view.allowedActions).not.toContain('RecordCourtOutcome');
    spec.passTime(day(24)).do(cmd('RecordCourtOutcome', { outcome: 'endorsed' }));
    expect(spec.view.closure?.reason).toBe('judgmentObtained');
    expect(spec.state.facts!.limitation).toEqual({ runsFrom: '2025-03-27', years: 10, interrupted: false });
  });

  it('given limitation is near, when a betalingspåkrav is filed without asking to continue, then "continue as civil case" is forced on, and an objection continues it in court', () => {
    const spec = givenDanish({ invoice: { ...danishClaim().invoice!, issueDate: '2022-05-01', dueDate: '2022-06-05' } })
      .passTime(day(10))
      .do(cmd('FilePaymentOrder', toCourt));
    expect(spec.last('PaymentOrderFiled').data).toMatchObject({ continueAsCivilCase: true, continueForced: true });
    spec.passTime(day(24)).do(cmd('RecordCourtOutcome', { outcome: 'opposed', summary: 'Skyldner gør indsigelse' }));
    expect(spec.last('PaymentOrderContinuedAsCivilCase')).toBeDefined();
    expect(spec.status).toBe('dispute.atCourt');
    expect(spec.view.flags).toMatchObject({ disputeCode: true, collectionPaused: true, creditRemarkAllowed: false });
  });

  it('given a betalingspåkrav without the civil-case choice, when the debtor opposes, then it ends', () => {
    const spec = givenDanish().passTime(day(10)).do(cmd('FilePaymentOrder', toCourt)).passTime(day(24));
    spec.do(cmd('RecordCourtOutcome', { outcome: 'opposed' }));
    expect(spec.view.closure?.reason).toBe('paymentOrderOpposed');
  });

  it('given a maintained dispute, when the creditor has the agency go to court, then small claims up to 50 000 DKK, else a civil case with the fees of § 6', () => {
    const toDecision = (kroner: number) =>
      givenDanish(big(kroner))
        .do(objection())
        .do(cmd('ReferObjectionToCreditor', {}))
        .do(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }))
        .do(cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'Bestrider kravet' }))
        .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }));
    const small = toDecision(50_000);
    expect(small.view.allowedActions).toContain('FileCourtClaim');
    expect(small.view.allowedActions).not.toContain('FileConciliationComplaint');
    small.do(cmd('FileCourtClaim', { route: 'smallClaims', court: 'Københavns Byret' }));
    expect(small.status).toBe('dispute.atCourt');
    expect(feesOf(small).at(-1)).toEqual(['courtFee', 750_00, 'debtor']);

    const tooBig = toDecision(50_001);
    expect(rejected(tooBig.try(cmd('FileCourtClaim', { route: 'smallClaims', court: 'x' })))).toMatchObject({
      kind: 'invalid',
      field: 'route',
    });
    const civil = toDecision(300_000).do(cmd('FileCourtClaim', { route: 'civilCase', court: 'Københavns Byret' }));
    // Above 100 000 DKK: 1 500 DKK, and the hearing fee for 250 001–500 000 DKK: 8 000 DKK.
    expect(feesOf(civil).slice(-2)).toEqual([
      ['courtFee', 1_500_00, 'debtor'],
      ['courtHearingFee', 8_000_00, 'debtor'],
    ]);
    civil.do(cmd('RecordCourtOutcome', { outcome: 'defaultJudgment' }));
    expect(civil.view.closure?.reason).toBe('judgmentObtained');
  });

  it('given a Norwegian case, then no Danish court route is offered or accepted, and a Danish case has no conciliation board', () => {
    const norwegian = givenDanish({
      jurisdiction: undefined,
      invoice: { ...danishClaim().invoice!, currency: 'NOK' },
    }).passDays(15);
    expect(norwegian.status).toBe('collection.demand');
    expect(norwegian.view.allowedActions).not.toContain('FilePaymentOrder');
    expect(rejected(norwegian.try(cmd('FilePaymentOrder', toCourt))).kind).toBe('notAllowed');
  });
});

describe('the Danish credit remark flag (RULES-DK.md § 5)', () => {
  it('given the agency letter warned of it 10 days ago and the debt is over 200 DKK, then a remark is allowed; never while disputed', () => {
    const spec = givenDanish().passTime(day(10));
    expect(spec.view.flags.creditRemarkAllowed).toBe(false);
    spec.passTime(day(20));
    expect(spec.view.flags.creditRemarkAllowed).toBe(true);
    spec.do(objection(['L2']));
    expect(spec.view.flags.creditRemarkAllowed).toBe(false);
  });

  it('given a debt of 200 DKK or less, then no remark', () => {
    const spec = givenDanish({
      invoice: { ...danishClaim().invoice!, lines: [{ lineId: 'L1', description: 'Abonnement', amount: 50_00 }] },
    }).passTime(day(20));
    // 50 DKK + 100 handover fee + 400 cap is over 200: pay all but 150 DKK.
    const owed = spec.view.amounts.outstanding;
    spec.do(cmd('RegisterPayment', { amount: owed - 150_00, paidOn: '2025-03-23', reference: 'FIK' }));
    expect(spec.view.amounts.outstanding).toBeLessThanOrEqual(200_00);
    expect(spec.view.flags.creditRemarkAllowed).toBe(false);
  });
});
