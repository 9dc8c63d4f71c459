import { CaseSpec, DAY0, day, handover } from '../../testing';

describe('collection before any dispute', () => {
  it('given a claim handed over without a notice, then the agency sends the inkassovarsel with a 14-day deadline and the notice fee', () => {
    const spec = CaseSpec.given();
    expect(spec.status).toBe('collection.notice');
    expect(spec.last('CollectionNoticeSent').data).toMatchObject({
      sentBy: 'agency',
      sentOn: '2025-03-03',
      deadlineAt: day(14),
    });
    expect(spec.last('FeeCharged').data).toMatchObject({ fee: { kind: 'notice', amount: 35_00 }, chargedTo: 'debtor' });
    expect(spec.view.openDeadline).toEqual({ kind: 'noticeDeadline', dueAt: day(14) });
    expect(spec.view.flags).toMatchObject({
      disputeCode: false,
      collectionPaused: false,
      feesChargeableToDebtor: true,
    });
  });

  it('when the notice deadline passes, then the payment demand is sent with the light fee, sized by the claim', () => {
    const spec = CaseSpec.given().passTime(day(14));
    expect(spec.status).toBe('collection.demand');
    expect(spec.last('DeadlineFired').data).toMatchObject({ kind: 'noticeDeadline', at: day(14) });
    const fee = spec.last('FeeCharged').data.fee;
    expect(fee).toMatchObject({ kind: 'lightFee', amount: 560_00 });
    expect(fee.basis.table).toBeTruthy();
    expect(spec.openTimerKinds()).toEqual(['demandDeadline', 'heavyFeeDue', 'limitationWarning']);
  });

  it('when 43 days pass after the demand unpaid, then the heavy fee replaces the light fee', () => {
    const spec = CaseSpec.given().passTime(day(14 + 43));
    expect(spec.status).toBe('collection.heavyFee');
    expect(spec.count('PaymentDemandDeadlinePassed')).toBe(1);
    expect(spec.last('FeeCharged').data).toMatchObject({
      fee: { kind: 'heavyFee', amount: 1_120_00 },
      replaces: 'lightFee',
    });
    expect(spec.view.amounts.fees).toBe(35_00 + 1_120_00);
  });

  it('given a business debtor, then the collection fee is one and a half times the consumer fee', () => {
    const spec = CaseSpec.given({ debtor: { ...handover().debtor, kind: 'business' } }).passTime(day(14));
    expect(spec.last('FeeCharged').data.fee.amount).toBe(840_00);
  });

  it('given the creditor sent the notice 20 days ago, then the agency starts at the payment demand', () => {
    const spec = CaseSpec.given({ noticeAlreadySentOn: '2025-02-11' });
    expect(spec.status).toBe('collection.demand');
    expect(spec.eventTypes()).not.toContain('CollectionNoticeSent');
  });

  it('given the creditor sent the notice 5 days ago, then its own 14 days run on and no notice fee is charged', () => {
    const spec = CaseSpec.given({ noticeAlreadySentOn: '2025-02-26' });
    expect(spec.status).toBe('collection.notice');
    expect(spec.last('CollectionNoticeSent').data).toMatchObject({
      sentBy: 'creditor',
      deadlineAt: '2025-03-12T00:00:00.000Z',
    });
    expect(spec.count('FeeCharged')).toBe(0);
    spec.passTime('2025-03-12T00:00:00.000Z');
    expect(spec.status).toBe('collection.demand');
  });

  it('given a claim, then the limitation warning is set 90 days before three years from the due date', () => {
    const spec = CaseSpec.given();
    const warning = spec.state.facts!.timers.find((t) => t.kind === 'limitationWarning');
    expect(warning?.dueAt).toBe('2027-11-03T00:00:00.000Z');
  });

  it('when the day of the limitation warning comes, then the warning is recorded with the limitation date', () => {
    const spec = CaseSpec.given({ invoice: { ...handover().invoice, dueDate: '2022-06-01', issueDate: '2022-05-01' } });
    spec.passTime(DAY0);
    expect(spec.last('LimitationWarningIssued').data.limitationDate).toBe('2025-06-01');
  });
});
