import { decide, initialCaseState, limitationDateOf, type CaseEvent } from '../../src';
import { DAY0, day, handover } from '../../testing';
import { business, danishClaim, feesOf, givenDanish } from './danish-case';

describe('a Danish claim handed over (RULES-DK.md §§ 1–3)', () => {
  it('given a DKK claim under Danish jurisdiction, when handed over, then its first event records the Danish pack and the agency sends the påkrav with 10 days', () => {
    const spec = givenDanish();
    const first = spec.history[0] as Extract<CaseEvent, { type: 'ClaimHandedOver' }>;
    expect(first.data.rulePack).toBe('DK');
    expect(spec.status).toBe('collection.notice');
    // Monday 3 March + 10 days: Thursday 13 March, a working day.
    expect(spec.last('CollectionNoticeSent').data).toMatchObject({
      sentBy: 'agency',
      deadlineAt: '2025-03-13T09:00:00.000Z',
    });
    expect(spec.view.openDeadline).toEqual({ kind: 'noticeDeadline', dueAt: '2025-03-13T09:00:00.000Z' });
  });

  it('given a consumer, when handed over, then only the 100 DKK handover fee is charged (no compensation for consumers)', () => {
    expect(feesOf(givenDanish())).toEqual([['handoverFee', 100_00, 'debtor']]);
  });

  it('given a business debtor, when handed over, then the 310 DKK compensation is charged besides the handover fee', () => {
    expect(feesOf(givenDanish({ debtor: business }))).toEqual([
      ['handoverFee', 100_00, 'debtor'],
      ['businessCompensation', 310_00, 'debtor'],
    ]);
  });

  it('given four reminders 10 days apart, when handed over, then only three carry the 100 DKK fee', () => {
    const spec = givenDanish({ remindersSentOn: ['2025-02-02', '2025-02-12', '2025-02-22', '2025-03-03'] });
    expect(feesOf(spec).filter(([kind]) => kind === 'reminder')).toEqual([
      ['reminder', 100_00, 'debtor'],
      ['reminder', 100_00, 'debtor'],
      ['reminder', 100_00, 'debtor'],
    ]);
  });

  it('given reminders less than 10 days after the one before, when handed over, then those carry no fee', () => {
    const spec = givenDanish({ remindersSentOn: ['2025-02-05', '2025-02-10', '2025-02-20', '2025-02-25'] });
    // 5 Feb (fee), 10 Feb (5 days: none), 20 Feb (10 days: fee), 25 Feb (5 days: none).
    expect(feesOf(spec).filter(([kind]) => kind === 'reminder')).toHaveLength(2);
  });

  it('given a claim disputed before handover, when handed over, then no fee at all is charged (not even for its reminders)', () => {
    const spec = givenDanish({
      remindersSentOn: ['2025-02-05'],
      disputedBeforeHandover: { debtorStatement: 'Varen blev aldrig leveret.' },
    });
    expect(feesOf(spec).filter(([kind]) => kind === 'reminder')).toEqual([]);
    expect(spec.view.amounts.fees).toBe(0);
    expect(spec.status).toBe('dispute.preCollection');
  });

  it('given the påkrav ran its 10 days unpaid, then the agency writes (10 days, rolled past Sunday) and charges the one collection-cost cap by claim size', () => {
    const spec = givenDanish().passTime(day(10));
    expect(spec.status).toBe('collection.demand');
    // Sent Thursday 13 March; 10 days is Sunday 23 March: Monday 24 March.
    expect(spec.last('PaymentDemandSent').data).toEqual({
      at: '2025-03-13T09:00:00.000Z',
      deadlineAt: '2025-03-24T09:00:00.000Z',
    });
    // 3 000 DKK is in the 2 501–5 000 bracket: 1 000 DKK (bek. 476/2016).
    expect(spec.last('FeeCharged').data.fee).toMatchObject({
      kind: 'collectionCosts',
      amount: 1_000_00,
      basis: { table: 'DK-inkassoomkostninger-2016' },
    });
    // No heavy fee in Denmark: nothing more falls due on the collection track.
    spec.passDays(60);
    expect(spec.status).toBe('collection.demand');
    expect(feesOf(spec).map(([kind]) => kind)).toEqual(['handoverFee', 'collectionCosts']);
  });

  it("given the creditor's own påkrav ran out before handover, when handed over, then the agency writes at once", () => {
    const spec = givenDanish({ noticeAlreadySentOn: '2025-02-10' });
    expect(spec.status).toBe('collection.demand');
    expect(feesOf(spec).map(([kind]) => kind)).toEqual(['collectionCosts', 'handoverFee']);
  });

  it('given a claim that arose before 1 Jul 2016 (and falls due when interest is known), then the pre-2016 cap table applies', () => {
    const spec = givenDanish({
      invoice: { ...danishClaim().invoice!, issueDate: '2016-05-01', dueDate: '2020-01-15' },
    }).passTime(day(10));
    expect(spec.last('FeeCharged').data.fee).toMatchObject({
      kind: 'collectionCosts',
      amount: 850_00,
      basis: { table: 'DK-inkassoomkostninger-2009', unconfirmed: true },
    });
  });

  it('given late interest, then it runs at morarente (Nationalbanken + 8: 10.75 % in H1 2025) from the day after the due date', () => {
    const spec = givenDanish();
    // 3 000 DKK × 10.75 % × 30 days / 365 = 26.51 DKK on 3 March.
    expect(spec.view.amounts.interest).toBe(26_51);
  });

  it('given a DKK claim without Danish jurisdiction, or a NOK claim under Danish jurisdiction, then the handover is invalid on the currency', () => {
    const dkkInNorway = decide(initialCaseState, {
      type: 'HandOverClaim',
      at: DAY0,
      data: handover({ invoice: { ...handover().invoice, currency: 'DKK' } }),
    });
    expect(!dkkInNorway.ok && dkkInNorway.rejection).toMatchObject({ kind: 'invalid', field: 'invoice.currency' });
    expect(!dkkInNorway.ok && dkkInNorway.rejection.message).toMatch(/jurisdiction DK/);
    const nokInDenmark = decide(initialCaseState, {
      type: 'HandOverClaim',
      at: DAY0,
      data: handover({ jurisdiction: 'DK' }),
    });
    expect(!nokInDenmark.ok && nokInDenmark.rejection).toMatchObject({ kind: 'invalid', field: 'invoice.currency' });
  });

  it('given a Danish claim due before the first morarente row (2020), then the handover is refused with a clear message', () => {
    const decision = decide(initialCaseState, {
      type: 'HandOverClaim',
      at: DAY0,
      data: handover(
        danishClaim({ invoice: { ...danishClaim().invoice!, issueDate: '2019-11-01', dueDate: '2019-12-01' } }),
      ),
    });
    expect(!decision.ok && decision.rejection).toMatchObject({ kind: 'invalid', field: 'invoice.dueDate' });
  });

  it('given a claim that arose before any collection-cost table, then the handover is refused rather than a timer failing later', () => {
    const decision = decide(initialCaseState, {
      type: 'HandOverClaim',
      at: DAY0,
      data: handover(
        danishClaim({ invoice: { ...danishClaim().invoice!, issueDate: '1999-12-01', dueDate: '2020-01-15' } }),
      ),
    });
    expect(!decision.ok && decision.rejection).toMatchObject({ kind: 'invalid', field: 'invoice.issueDate' });
  });

  it('given reminders on a Norwegian claim, then the handover is invalid: only the Danish pack takes them', () => {
    const decision = decide(initialCaseState, {
      type: 'HandOverClaim',
      at: DAY0,
      data: handover({ remindersSentOn: ['2025-02-05'] }),
    });
    expect(!decision.ok && decision.rejection).toMatchObject({ kind: 'invalid', field: 'remindersSentOn' });
  });

  it('given a reminder dated in the future, then the handover is invalid on that reminder', () => {
    const decision = decide(initialCaseState, {
      type: 'HandOverClaim',
      at: DAY0,
      data: handover(danishClaim({ remindersSentOn: ['2025-02-05', '2025-03-04'] })),
    });
    expect(!decision.ok && decision.rejection).toMatchObject({ kind: 'invalid', field: 'remindersSentOn.1' });
  });
});

describe('Danish limitation (forældelsesloven)', () => {
  it('given a claim due on 5 Jun 2022, then it is time-barred on 6 Jun 2025: Constitution Day rolls it forward', () => {
    const spec = givenDanish({
      invoice: { ...danishClaim().invoice!, issueDate: '2022-05-01', dueDate: '2022-06-05' },
    });
    expect(limitationDateOf(spec.state.facts!)).toBe('2025-06-06');
  });

  it('given a claim due on 24 Dec 2022, then 24, 25, 26 Dec and the weekend after roll it to Monday 29 Dec 2025', () => {
    const spec = givenDanish({
      invoice: { ...danishClaim().invoice!, issueDate: '2022-12-01', dueDate: '2022-12-24' },
    });
    // 24 Dec 2025 is a Wednesday; 25 and 26 Dec are holidays; 27–28 Dec the weekend.
    expect(limitationDateOf(spec.state.facts!)).toBe('2025-12-29');
  });

  it('given reminders only, then limitation is not interrupted; a payment restarts it', () => {
    const spec = givenDanish({ remindersSentOn: ['2025-02-05'] });
    expect(spec.state.facts!.limitation).toEqual({ runsFrom: '2025-02-01', years: 3, interrupted: false });
    spec.do({ type: 'RegisterPayment', data: { amount: 100_00, paidOn: '2025-03-03', reference: 'FIK 1' } });
    expect(spec.state.facts!.limitation.runsFrom).toBe('2025-03-03');
  });

  it('given a Norwegian claim due on 17 May 2023, then its limitation date does not roll (Norway has no such rule)', () => {
    const spec = givenDanish({
      jurisdiction: undefined,
      invoice: { ...handover().invoice, issueDate: '2023-05-01', dueDate: '2023-05-17' },
    });
    expect(limitationDateOf(spec.state.facts!)).toBe('2026-05-17');
  });
});
