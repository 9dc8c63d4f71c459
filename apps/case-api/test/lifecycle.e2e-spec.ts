import { Api } from './api-harness';

/** The scenarios of the machine, driven over HTTP by the people who do them. */
describe('the lifecycle over HTTP', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  async function toConciliationDecision(objection: Record<string, unknown> = {}) {
    const id = await api.handOver();
    const steps: Array<[string, unknown, string]> = [
      ['objections', { debtorStatement: 'The visit never happened', channel: 'written', ...objection }, 'caseworker'],
      ['objection/referral', { note: 'Please comment' }, 'caseworker'],
      ['creditor-reply', { reply: 'maintain', feeDecision: 'keep', comment: 'The visit took place' }, 'creditorA'],
      [
        'debtor-contacts',
        { channel: 'phone', reached: true, summary: 'Still disputes', answer: 'maintainsDispute' },
        'caseworker',
      ],
    ];
    for (const [path, body, as] of steps) {
      const res = await api.post(`/cases/${id}/${path}`, body, as);
      expect(res.status).toBe(200);
    }
    return id;
  }

  it('takes a case from handover to the conciliation board and a judgment for the creditor', async () => {
    const id = await toConciliationDecision();
    const decided = await api.post(`/cases/${id}/conciliation-decision`, { choice: 'agencyFiles' }, 'creditorA');
    expect(decided.body.case.status).toBe('dispute.preparingComplaint');
    const filed = await api.post(`/cases/${id}/conciliation-complaint`, { board: 'Oslo forliksråd' });
    expect(filed.body.case).toMatchObject({ status: 'dispute.conciliationBoard', flags: { disputeCode: true } });
    expect(filed.body.appended).toEqual(expect.arrayContaining(['ConciliationComplaintFiled', 'FeeCharged']));
    const judged = await api.post(`/cases/${id}/board-outcome`, {
      outcome: 'judgmentForCreditor',
      summary: 'Judgment',
    });
    expect(judged.body.case).toMatchObject({
      status: 'closed',
      closure: { reason: 'judgmentObtained' },
      allowedActions: [],
    });
  });

  it('given a claim disputed before handover, then fees are never the debtor’s and the creditor may file itself', async () => {
    const id = await api.handOver({ disputedBeforeHandover: { debtorStatement: 'Never ordered' } }, 'creditorA');
    const view = (await api.get(`/cases/${id}`, 'creditorA')).body.case;
    expect(view).toMatchObject({
      status: 'dispute.preCollection',
      flags: { feesChargeableToDebtor: false },
      recommendation: { filer: 'creditor' },
    });
    const res = await api.post(`/cases/${id}/conciliation-decision`, { choice: 'creditorFiles' }, 'creditorA');
    expect(res.body.case.closure.reason).toBe('handedBackToCreditor');
  });

  it('given a partial objection, then the undisputed amount stays collectable; crediting the disputed line resumes collection', async () => {
    const id = await api.handOver();
    const objected = await api.post(`/cases/${id}/objections`, {
      lineIds: ['L2'],
      debtorStatement: 'No visit',
      channel: 'oral',
    });
    expect(objected.body.case.flags).toMatchObject({ disputeCode: true, collectionPaused: false });
    expect(objected.body.case.amounts.disputed).toBe(100000);
    await api.post(`/cases/${id}/objection/referral`, {});
    const credited = await api.post(`/cases/${id}/creditor-reply`, { reply: 'creditDisputedLines' }, 'creditorA');
    expect(credited.body.case).toMatchObject({ status: 'collection.notice', flags: { disputeCode: false } });
    expect(credited.body.case.amounts.outstandingPrincipal).toBe(200000);
  });

  it('given the debtor accepts on the phone, then collection resumes where it paused', async () => {
    const id = await api.handOver();
    await api.post(`/cases/${id}/objections`, { debtorStatement: 'Too expensive', channel: 'oral' });
    await api.post(`/cases/${id}/objection/rejection`, { writtenAnswer: 'The price was agreed in writing.' });
    const res = await api.post(`/cases/${id}/debtor-contacts`, {
      channel: 'phone',
      reached: true,
      summary: 'Will pay',
      answer: 'accepts',
    });
    expect(res.body.case).toMatchObject({ status: 'collection.notice', flags: { disputeCode: false } });
  });

  it('given a dispute, when the debtor pays everything, then the case closes as paid', async () => {
    const id = await toConciliationDecision();
    const owed = (await api.get(`/cases/${id}`)).body.case.amounts.outstanding;
    const res = await api.post(`/cases/${id}/payments`, { amount: owed, paidOn: '2025-03-03', reference: 'KID 77' });
    expect(res.body.case).toMatchObject({ status: 'closed', closure: { reason: 'paid' } });
  });

  it('given the board settles, then the settlement is collected', async () => {
    const id = await toConciliationDecision();
    await api.post(`/cases/${id}/conciliation-decision`, { choice: 'agencyFiles' }, 'creditorA');
    await api.post(`/cases/${id}/conciliation-complaint`, { board: 'Oslo forliksråd' });
    const res = await api.post(`/cases/${id}/board-outcome`, {
      outcome: 'settlement',
      amount: 250000,
      dueDate: '2025-04-30',
    });
    expect(res.body.case).toMatchObject({ status: 'collection.settlement', amounts: { outstanding: 250000 } });
  });

  it('given documents asked for, when they come, then the objection is assessed again; withdrawal closes it', async () => {
    const id = await api.handOver();
    await api.post(`/cases/${id}/objections`, { debtorStatement: 'Wrong amount', channel: 'written' });
    expect(
      (await api.post(`/cases/${id}/objection/document-request`, { request: 'Send the contract' })).body.case.status,
    ).toBe('dispute.awaitingDebtorDocuments');
    expect((await api.post(`/cases/${id}/objection/documents`, { description: 'Contract' })).body.case.status).toBe(
      'dispute.assessing',
    );
    const res = await api.post(`/cases/${id}/withdrawal`, { reason: 'Creditor gives up' }, 'creditorA');
    expect(res.body.case.closure.reason).toBe('withdrawn');
  });

  it('the history shows every event in order with its actor from the token', async () => {
    const id = await api.handOver({}, 'creditorA');
    await api.post(`/cases/${id}/objections`, { debtorStatement: 'No', channel: 'oral' });
    const history = await api.history(id, 'auditor');
    expect(history.map((e: { revision: string }) => e.revision)).toEqual(
      history.map((_: unknown, i: number) => String(i)),
    );
    expect(history[0]).toMatchObject({
      type: 'ClaimHandedOver',
      actor: { kind: 'creditor', id: 'cr-a', creditorId: 'creditor-a' },
    });
    expect(history.at(-1)?.actor).toMatchObject({ kind: 'caseworker', id: 'cw-1' });
  });
});
