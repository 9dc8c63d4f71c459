import { CaseProjector } from '@app/read-models';
import { Api } from './api-harness';

/**
 * Issue 11's stories over HTTP: a partial objection leaves collection running on the rest; six
 * months after the payment demand a new one comes before the forliksklage; and the allowed
 * actions a caseworker is shown are the ones the engine accepts.
 */
describe('two tracks, the six-month rule and exact allowed actions, over HTTP', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  const view = async (id: string) => (await api.get(`/cases/${id}`)).body.case;

  it('given a payment demand, when the debtor disputes one line, then collection of the rest goes on to the heavy fee on the undisputed amount, beside the dispute', async () => {
    const id = await api.handOver();
    await api.advance(14);
    const objected = await api.post(`/cases/${id}/objections`, {
      lineIds: ['L2'],
      debtorStatement: 'The service visit never happened',
      channel: 'written',
    });
    expect(objected.status).toBe(200);
    expect(objected.body.case).toMatchObject({
      status: 'dispute.assessing',
      flags: { disputeCode: true, collectionPaused: false },
      tracks: {
        collection: { stage: 'demand', paused: false, deadlines: ['demandDeadline', 'heavyFeeDue'] },
        dispute: { stage: 'assessing', scope: 'partial', lineIds: ['L2'], disputed: 100000 },
      },
    });
    expect(objected.body.case.deadlines.map((d: { kind: string; track: string }) => [d.kind, d.track])).toEqual([
      ['demandDeadline', 'collection'],
      ['heavyFeeDue', 'collection'],
      ['limitationWarning', 'case'],
    ]);

    await api.post(`/cases/${id}/objection/referral`, { note: 'Please document the visit' });
    await api.advance(43);
    const atDay57 = await view(id);
    expect(atDay57.tracks.collection.stage).toBe('heavyFee');
    expect(atDay57.tracks.dispute.stage).toBe('awaitingCreditor');
    const heavy = (await api.history(id)).find(
      (e) => e.type === 'FeeCharged' && (e.data.fee as { kind: string }).kind === 'heavyFee',
    );
    // 2 000 NOK undisputed is in the bracket up to 2 500 NOK: 2 × 280 NOK.
    expect(heavy?.data.fee).toMatchObject({ amount: 56000, basis: { figures: { claim: 200000 } } });
    expect(atDay57.amounts).toMatchObject({ disputed: 100000 });
    expect(atDay57.amounts.collectable).toBe(atDay57.amounts.outstanding - 100000);

    const credited = await api.post(`/cases/${id}/creditor-reply`, { reply: 'creditDisputedLines' }, 'creditorA');
    expect(credited.body.case).toMatchObject({
      status: 'collection.heavyFee',
      flags: { disputeCode: false },
      tracks: { collection: { stage: 'heavyFee' }, dispute: null },
    });

    await api.app.get(CaseProjector).catchUp();
    const listed = (await api.get('/cases?status=collection.heavyFee&limit=100')).body.items as Array<{
      caseId: string;
      tracks: unknown;
    }>;
    expect(listed.find((c) => c.caseId === id)?.tracks).toEqual({ collection: 'heavyFee', dispute: null });
  });

  it('given a forliksklage still to be filed six months after the payment demand, then a new demand is offered instead, and once its 14 days have run the forliksklage is accepted', async () => {
    const id = await api.handOver();
    await api.advance(14);
    for (const [path, body, as] of [
      ['objections', { debtorStatement: 'Disputed', channel: 'written' }, 'caseworker'],
      ['objection/rejection', { writtenAnswer: 'The claim is documented.' }, 'caseworker'],
      ['debtor-answer', { answer: 'maintainsDispute', summary: 'Still disputes' }, 'caseworker'],
      ['conciliation-decision', { choice: 'agencyFiles' }, 'creditorA'],
    ] as const) {
      expect((await api.post(`/cases/${id}/${path}`, body, as)).status).toBe(200);
    }
    expect((await view(id)).allowedActions).toContain('FileConciliationComplaint');

    await api.advance(190);
    const expired = await view(id);
    expect(expired.status).toBe('dispute.newDemandNeeded');
    expect(expired.allowedActions).toContain('SendNewPaymentDemand');
    expect(expired.allowedActions).not.toContain('FileConciliationComplaint');

    const refused = await api.post(`/cases/${id}/conciliation-complaint`, { board: 'Oslo forliksråd' });
    expect(refused.status).toBe(422);
    expect(refused.body.allowedActions).toEqual(expired.allowedActions);

    const sent = await api.post(`/cases/${id}/new-payment-demand`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.case).toMatchObject({ status: 'dispute.newDemandRunning' });
    expect(sent.body.case.allowedActions).not.toContain('FileConciliationComplaint');
    expect(sent.body.appended).toEqual(['NewPaymentDemandSent', 'DeadlineScheduled']);

    await api.advance(15);
    const ready = await view(id);
    expect(ready.status).toBe('dispute.preparingComplaint');
    expect(ready.allowedActions).toContain('FileConciliationComplaint');
    expect(ready.allowedActions).not.toContain('SendNewPaymentDemand');
    const filed = await api.post(`/cases/${id}/conciliation-complaint`, { board: 'Oslo forliksråd' });
    expect(filed.status).toBe(200);
    expect(filed.body.case.status).toBe('dispute.conciliationBoard');
  });

  it('given a case at any step, then every action it lists is accepted and an unlisted one is refused with the list', async () => {
    const id = await api.handOver();
    const first = await view(id);
    expect(first.allowedActions).not.toContain('SendNewPaymentDemand');
    const refused = await api.post(`/cases/${id}/new-payment-demand`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.allowedActions).toEqual(first.allowedActions);

    // The letter is offered while the debtor is to be told, not once the letter's deadline runs.
    await api.post(`/cases/${id}/objections`, { debtorStatement: 'Disputed', channel: 'oral' });
    await api.post(`/cases/${id}/objection/rejection`, { writtenAnswer: 'The claim is documented.' });
    const toTell = await view(id);
    expect(toTell.actionOptions.RecordDebtorContact).toEqual(['letter', 'email', 'phoneReached', 'phoneNotReached']);
    expect((await api.post(`/cases/${id}/debtor-contacts`, { channel: 'letter' })).status).toBe(200);
    const told = await view(id);
    expect(told.allowedActions).toContain('RecordDebtorContact');
    expect(told.actionOptions.RecordDebtorContact).toEqual(['phoneReached', 'phoneNotReached']);
    const secondLetter = await api.post(`/cases/${id}/debtor-contacts`, { channel: 'email' });
    expect(secondLetter.status).toBe(422);
    const call = await api.post(`/cases/${id}/debtor-contacts`, { channel: 'phone', reached: false });
    expect(call.status).toBe(200);
  });
});
