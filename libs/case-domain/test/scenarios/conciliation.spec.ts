import { CaseSpec, cmd, day, objection } from '../../testing';

/** Objection at the light-fee stage; creditor maintains; debtor still disputes. */
function debtorMaintainsDispute(feeDecision: 'keep' | 'waive' = 'keep') {
  return CaseSpec.given()
    .passTime(day(14))
    .do({ ...objection(), at: day(20) })
    .do(cmd('ReferObjectionToCreditor', {}))
    .do(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision }))
    .do(
      cmd('RecordDebtorContact', {
        channel: 'phone',
        reached: true,
        summary: 'Still disputes',
        answer: 'maintainsDispute',
      }),
    );
}

function atTheBoard() {
  return debtorMaintainsDispute()
    .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }))
    .do({ ...cmd('FileConciliationComplaint', { board: 'Oslo forliksråd' }), at: day(30) });
}

describe('the conciliation board (forliksrådet)', () => {
  it('given the debtor maintains the dispute, then the creditor is asked to decide, with a recommendation of who files', () => {
    const spec = debtorMaintainsDispute();
    expect(spec.status).toBe('dispute.conciliationDecision');
    expect(spec.view.recommendation).toEqual(expect.objectContaining({ filer: 'agency' }));
    expect(spec.view.allowedActions).toEqual(
      expect.arrayContaining(['DecideOnConciliation', 'RegisterPayment', 'WithdrawClaim']),
    );
    expect(spec.view.allowedActions).not.toContain('RegisterObjection');
  });

  it('given the fee claim was waived, then the recommendation is that the creditor files itself', () => {
    expect(debtorMaintainsDispute('waive').view.recommendation?.filer).toBe('creditor');
  });

  it('given an objection at the light-fee stage, when the agency files the forliksklage, then it claims the light fee, charges the court fee and interrupts limitation', () => {
    const spec = atTheBoard();
    expect(spec.status).toBe('dispute.conciliationBoard');
    expect(spec.last('ConciliationComplaintFiled').data.feeClaimed).toEqual({
      stage: 'lightFee',
      kind: 'lightFee',
      amount: 560_00,
    });
    expect(spec.last('FeeCharged').data).toMatchObject({
      fee: { kind: 'courtFee', amount: 1_445_40 },
      chargedTo: 'debtor',
    });
    expect(spec.openTimerKinds()).toEqual([]);
    expect(spec.view.flags.disputeCode).toBe(true);
  });

  it('given the board reaches a settlement, then the settled amount is collected and paying it closes the case', () => {
    const spec = atTheBoard().do(
      cmd('RecordBoardOutcome', { outcome: 'settlement', amount: 2_500_00, dueDate: '2025-04-30' }),
    );
    expect(spec.status).toBe('collection.settlement');
    expect(spec.view.flags.disputeCode).toBe(false);
    expect(spec.view.amounts.outstanding).toBe(2_500_00);
    expect(spec.view.openDeadline?.kind).toBe('settlementDue');
    spec.do(cmd('RegisterPayment', { amount: 2_500_00, paidOn: '2025-04-02', reference: 'KID 9' }));
    expect(spec.view.closure?.reason).toBe('paid');
  });

  it.each([
    ['judgmentForCreditor', 'judgmentObtained'],
    ['defaultJudgment', 'judgmentObtained'],
    ['judgmentForDebtor', 'disputeUpheld'],
    ['noAgreement', 'referredToDistrictCourt'],
  ] as const)('given the board gives %s, then the case closes as %s', (outcome, reason) => {
    const spec = atTheBoard().do(cmd('RecordBoardOutcome', { outcome, summary: 'Board decision' }));
    expect(spec.status).toBe('closed');
    expect(spec.view.closure?.reason).toBe(reason);
    expect(spec.view.allowedActions).toEqual([]);
  });

  it('given the creditor chooses to file itself, then the case is handed back and closed', () => {
    const spec = debtorMaintainsDispute().do(cmd('DecideOnConciliation', { choice: 'creditorFiles' }));
    expect(spec.view.closure?.reason).toBe('handedBackToCreditor');
  });

  it('given the creditor chooses to close, then the case closes without the board', () => {
    const spec = debtorMaintainsDispute().do(cmd('DecideOnConciliation', { choice: 'close', comment: 'Not worth it' }));
    expect(spec.view.closure?.reason).toBe('closedWithoutBoard');
  });
});

describe('a claim disputed before handover', () => {
  const disputed = () => CaseSpec.given({ disputedBeforeHandover: { debtorStatement: 'Never ordered this.' } });

  it('given a claim disputed before handover, then no collection step is taken, fees can never be charged to the debtor, and the creditor is advised to file itself', () => {
    const spec = disputed();
    expect(spec.status).toBe('dispute.preCollection');
    expect(spec.count('FeeCharged')).toBe(0);
    expect(spec.view.flags).toMatchObject({ disputeCode: true, collectionPaused: true, feesChargeableToDebtor: false });
    expect(spec.view.recommendation?.filer).toBe('creditor');
    expect(spec.view.allowedActions).not.toContain('RegisterObjection');
  });

  it('given the agency is asked to file anyway, then the court fee is billed to the creditor and no collection fee is claimed', () => {
    const spec = disputed()
      .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }))
      .do(cmd('FileConciliationComplaint', { board: 'Bergen forliksråd' }));
    expect(spec.status).toBe('dispute.conciliationBoard');
    expect(spec.last('FeeCharged').data).toMatchObject({ fee: { kind: 'courtFee' }, chargedTo: 'creditor' });
    expect(spec.last('ConciliationComplaintFiled').data.feeClaimed).toEqual({ stage: null, kind: null, amount: 0 });
    expect(spec.view.amounts.fees).toBe(0);
  });

  it('given the creditor files itself, then the case is handed back and closed', () => {
    const spec = disputed().do(cmd('DecideOnConciliation', { choice: 'creditorFiles' }));
    expect(spec.view.closure?.reason).toBe('handedBackToCreditor');
  });
});
