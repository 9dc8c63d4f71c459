import { CaseSpec, cmd, day, objection } from '../../testing';

/** A case at the light-fee stage (payment demand sent) with a full objection referred to the creditor. */
function referredToCreditor() {
  return CaseSpec.given()
    .passTime(day(14))
    .do({ ...objection(), at: day(20) })
    .do({ ...cmd('ReferObjectionToCreditor', { note: 'Please comment on the service visit.' }), at: day(21) });
}

describe('an objection after handover', () => {
  it('given a case in collection, when the debtor objects, then collection pauses under the dispute code and its timers are cancelled', () => {
    const spec = CaseSpec.given()
      .passTime(day(14))
      .do({ ...objection(), at: day(20) });
    expect(spec.status).toBe('dispute.assessing');
    expect(spec.view.flags).toMatchObject({
      disputeCode: true,
      collectionPaused: true,
      creditRemarkAllowed: false,
      stageAtObjection: 'lightFee',
    });
    expect(spec.openTimerKinds()).toEqual(['limitationWarning']);
    expect(
      spec.history
        .filter((e) => e.type === 'DeadlineCancelled')
        .map((e) => (e.data as { kind: string }).kind)
        .sort(),
    ).toEqual(['demandDeadline', 'heavyFeeDue']);
    expect(spec.view.amounts.collectable).toBe(0);
  });

  it('given an objection the agency can answer itself, when it rejects it in writing, then the debtor is to be told the claim stands', () => {
    const spec = CaseSpec.given()
      .do(objection())
      .do(cmd('RejectObjection', { writtenAnswer: 'The visit is documented.' }));
    expect(spec.status).toBe('dispute.awaitingDebtor');
  });

  it('given documents asked of the debtor, when 14 days pass without them, then the objection is back for assessment', () => {
    const spec = CaseSpec.given()
      .do(objection())
      .do(cmd('RequestDocuments', { request: 'Send the contract.' }));
    expect(spec.status).toBe('dispute.awaitingDebtorDocuments');
    spec.passDays(14);
    expect(spec.status).toBe('dispute.assessing');
    expect(spec.count('DocumentsDeadlinePassed')).toBe(1);
  });

  it('given documents asked of the debtor, when they arrive, then the objection is back for assessment and the deadline is cancelled', () => {
    const spec = CaseSpec.given()
      .do(objection())
      .do(cmd('RequestDocuments', { request: 'Send the contract.' }))
      .do(cmd('RecordDocumentsReceived', { description: 'Contract and photos' }));
    expect(spec.status).toBe('dispute.assessing');
    expect(spec.openTimerKinds()).toEqual(['limitationWarning']);
  });

  it('given an objection referred to the creditor, when the creditor answers in time, then the reply deadline is cancelled and no reminder is sent', () => {
    const spec = referredToCreditor().do({
      ...cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }),
      at: day(30),
    });
    expect(spec.status).toBe('dispute.awaitingDebtor');
    spec.passTime(day(60));
    expect(spec.count('CreditorReplyOverdue')).toBe(0);
  });

  it('given an objection referred to the creditor, when 14 days pass, then the creditor is reminded and the debtor informed, every 14 days', () => {
    const spec = referredToCreditor().passTime(day(21 + 14));
    expect(spec.status).toBe('dispute.awaitingCreditor');
    expect(spec.last('CreditorReplyOverdue').data).toMatchObject({
      reminderNumber: 1,
      creditorReminded: true,
      debtorInformed: true,
      at: day(35),
    });
    // The second reminder would fall on Easter Monday 2025 (day 49): it rolls to the Tuesday.
    spec.passTime(day(21 + 28));
    expect(spec.count('CreditorReplyOverdue')).toBe(1);
    spec.passTime(day(21 + 29));
    expect(spec.count('CreditorReplyOverdue')).toBe(2);
    expect(spec.last('CreditorReplyOverdue').data.at).toBe(day(50));
    expect(spec.view.openDeadline).toEqual({ kind: 'creditorReply', dueAt: day(64) });
  });

  it('given the creditor maintains the claim, when the debtor is reached by phone and accepts, then collection resumes and the dispute code is lifted', () => {
    const spec = referredToCreditor()
      .do(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }))
      .do(cmd('RecordDebtorContact', { channel: 'phone', reached: true, summary: 'Agreed to pay', answer: 'accepts' }));
    expect(spec.status).toBe('collection.demand');
    expect(spec.view.flags.disputeCode).toBe(false);
    expect(spec.view.amounts.collectable).toBe(spec.view.amounts.outstanding);
    expect(spec.eventTypes()).toEqual(expect.arrayContaining(['DebtorReachedByPhone', 'DebtorAcceptedClaim']));
  });

  it('given the debtor is not reached by phone, when a letter with a 14-day deadline goes unanswered, then collection resumes', () => {
    const spec = referredToCreditor()
      .do(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }))
      .do(cmd('RecordDebtorContact', { channel: 'phone', reached: false }))
      .do(cmd('RecordDebtorContact', { channel: 'letter' }));
    expect(spec.status).toBe('dispute.awaitingDebtorReply');
    expect(spec.view.openDeadline?.kind).toBe('debtorPaymentDeadline');
    spec.passDays(14);
    expect(spec.count('DebtorPaymentDeadlinePassed')).toBe(1);
    expect(spec.status).toBe('collection.demand');
    expect(spec.view.flags.disputeCode).toBe(false);
  });

  it('given the creditor waives the fee claim, then the debtor owes no fees and later fees go to the creditor', () => {
    const spec = referredToCreditor().do(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'waive' }));
    expect(spec.last('FeesWaived').data.amount).toBe(35_00 + 560_00);
    expect(spec.view.flags.feesChargeableToDebtor).toBe(false);
    expect(spec.view.amounts.fees).toBe(0);
    expect(spec.view.amounts.creditorFees).toBe(595_00);
  });

  it('given the creditor credits the disputed lines, then the dispute ends and collection resumes on the rest', () => {
    const spec = CaseSpec.given()
      .passTime(day(14))
      .do({ ...objection(['L2']), at: day(20) })
      .do(cmd('ReferObjectionToCreditor', {}))
      .do(cmd('RecordCreditorReply', { reply: 'creditDisputedLines', comment: 'Visit cancelled, our mistake' }));
    expect(spec.status).toBe('collection.demand');
    expect(spec.last('CreditNoteIssued').data.lines).toEqual([{ lineId: 'L2', amount: 1_000_00 }]);
    expect(spec.count('DisputeResolved')).toBe(1);
    expect(spec.view.amounts.outstandingPrincipal).toBe(2_000_00);
    expect(spec.view.flags.disputeCode).toBe(false);
  });

  it('given a full objection, when the creditor credits every line, then the case closes as credited and fees and interest fall away', () => {
    const spec = referredToCreditor().do(cmd('RecordCreditorReply', { reply: 'creditDisputedLines' }));
    expect(spec.status).toBe('closed');
    expect(spec.view.closure?.reason).toBe('credited');
    expect(spec.view.amounts.outstanding).toBe(0);
    expect(spec.openTimerKinds()).toEqual([]);
  });

  it('given a partial objection, then only the disputed lines are held and the undisputed amount stays collectable', () => {
    const spec = CaseSpec.given()
      .passTime(day(14))
      .do({ ...objection(['L2']), at: day(20) });
    const { amounts, flags } = spec.view;
    expect(flags).toMatchObject({ disputeCode: true, collectionPaused: false });
    expect(amounts.disputed).toBe(1_000_00);
    expect(amounts.collectable).toBe(amounts.outstanding - 1_000_00);
    expect(amounts.collectable).toBeGreaterThan(2_000_00);
  });

  it('given a dispute, when the debtor pays everything owed, then the case closes as paid', () => {
    const spec = referredToCreditor();
    const owed = spec.view.amounts.outstanding;
    spec.do(cmd('RegisterPayment', { amount: owed, paidOn: '2025-03-24', reference: 'KID 123' }));
    expect(spec.status).toBe('closed');
    expect(spec.view.closure?.reason).toBe('paid');
    expect(spec.view.flags.disputeCode).toBe(false);
    expect(spec.openTimerKinds()).toEqual([]);
  });
});
