import { CaseProjector } from '@app/read-models';
import { Api, claim } from './api-harness';

/**
 * The Danish seed (`../shared/seeds/001_…txt`) over HTTP: an objection after handover pauses
 * collection; documents are asked of both sides; the outcome either continues collection
 * (objection unfounded) or stops it entirely, the fees with it (objection upheld).
 */
describe('a Danish claim over HTTP (the Danish rule pack)', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  /** 3 000 DKK on two lines, due a month before the clock's day 0 (Monday 3 March 2025). */
  const danish = (overrides: Record<string, unknown> = {}) =>
    claim({
      jurisdiction: 'DK',
      debtor: { id: 'debtor-dk', name: 'Mette Hansen', kind: 'consumer', contact: { phone: '+4520123456' } },
      invoice: { ...claim().invoice, currency: 'DKK' },
      ...overrides,
    });

  async function handOverDanish(overrides: Record<string, unknown> = {}) {
    const res = await api.post('/cases', danish(overrides), 'creditorA');
    expect(res.status).toBe(201);
    return res.body.case as { caseId: string; status: string; amounts: Record<string, number> };
  }

  async function step(id: string, path: string, body: unknown, as = 'caseworker') {
    const res = await api.post(`/cases/${id}/${path}`, body, as);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.case;
  }

  /** Handed over, the påkrav's 10 days run out, the agency writes, then the debtor objects in writing. */
  async function objectedAfterHandover() {
    const handed = await handOverDanish({ remindersSentOn: ['2025-02-05', '2025-02-20'] });
    const id = handed.caseId;
    // Two reminders (2 × 100 DKK) and the handover fee (100 DKK).
    expect(handed).toMatchObject({
      rulePack: 'DK',
      currency: 'DKK',
      status: 'collection.notice',
      stage: 'Påkrav sent (10 days)',
      amounts: { fees: 300_00 },
    });
    // 10 days from sending, rolled past a weekend or holiday if it falls on one.
    await api.advance(14);
    const collecting = (await api.get(`/cases/${id}`)).body.case;
    // The agency's letter and the one cap: 3 000 DKK is in the 2 501–5 000 bracket (1 000 DKK).
    expect(collecting).toMatchObject({ status: 'collection.demand', amounts: { fees: 1_300_00 } });
    const objected = await step(id, 'objections', {
      debtorStatement: 'Varen blev leveret i stykker.',
      channel: 'written',
    });
    expect(objected).toMatchObject({
      status: 'dispute.assessing',
      flags: { disputeCode: true, collectionPaused: true, creditRemarkAllowed: false },
    });
    expect(objected.allowedActions).not.toContain('FilePaymentOrder');
    return { id, feesAtObjection: objected.amounts.fees as number };
  }

  it('pauses on an objection, asks both sides for documents, and continues collection when the objection is unfounded', async () => {
    const { id, feesAtObjection } = await objectedAfterHandover();
    const asked = await step(id, 'objection/document-request', {
      request: 'Ordrebekræftelse, leveringsbevis, kontoudtog',
    });
    expect(asked.status).toBe('dispute.awaitingDebtorDocuments');
    // The creditor carries the burden of proof: without its documents the agency cannot reject.
    const early = await api.post(`/cases/${id}/objection/rejection`, { writtenAnswer: 'Kravet står ved magt.' });
    expect(early.status).toBe(422);
    const received = await step(id, 'objection/documents', {
      description: 'Leveringsbevis fra kreditor; fotos fra skyldner',
      from: 'both',
    });
    expect(received.status).toBe('dispute.assessing');
    expect(received.allowedActions).toContain('RejectObjection');
    // While the objection is open, time passes and nothing is charged.
    await api.advance(20);
    expect((await api.get(`/cases/${id}`)).body.case.amounts.fees).toBe(feesAtObjection);
    await step(id, 'objection/rejection', { writtenAnswer: 'Leveringen er dokumenteret: kravet står ved magt.' });
    const accepted = await step(id, 'debtor-contacts', {
      channel: 'phone',
      reached: true,
      summary: 'Accepterer og betaler',
      answer: 'accepts',
    });
    expect(accepted).toMatchObject({
      status: 'collection.demand',
      flags: { disputeCode: false, collectionPaused: false },
      amounts: { fees: 1_300_00 },
    });
    const history = await api.history(id);
    expect(history.find((e) => e.type === 'ClaimHandedOver')?.data).toMatchObject({ rulePack: 'DK' });
    expect(history.find((e) => e.type === 'DocumentsRequested')?.data).toMatchObject({ from: 'both' });
  });

  it('stops collection entirely when the objection is upheld, and every fee falls away', async () => {
    const { id } = await objectedAfterHandover();
    await step(id, 'objection/document-request', { request: 'Dokumentation for levering' });
    await step(id, 'objection/documents', { description: 'Fotos af den ødelagte vare', from: 'debtor' });
    await step(id, 'objection/referral', { note: 'Skyldner dokumenterer skaden' });
    const upheld = await step(
      id,
      'creditor-reply',
      { reply: 'creditDisputedLines', comment: 'Kunden har ret' },
      'creditorA',
    );
    expect(upheld).toMatchObject({
      status: 'closed',
      closure: { reason: 'credited' },
      amounts: { outstanding: 0, outstandingCosts: 0, creditorFees: 0, collectable: 0 },
    });
    const history = await api.history(id);
    const creditedInFull = history.find((e) => e.type === 'ClaimCreditedInFull');
    expect(creditedInFull?.data).toMatchObject({ writtenOff: { costs: 1_300_00 } });
  });

  it('refuses a betalingspåkrav while an objection is open, and files one (750 DKK) for an undisputed claim', async () => {
    const { id } = await objectedAfterHandover();
    const refused = await api.post(`/cases/${id}/payment-order`, { court: 'Fogedretten i København' });
    expect(refused.status).toBe(422);
    expect(refused.body.allowedActions).not.toContain('FilePaymentOrder');

    const undisputed = await handOverDanish();
    await api.advance(14);
    const filed = await step(undisputed.caseId, 'payment-order', { court: 'Fogedretten i København' });
    expect(filed.status).toBe('collection.paymentOrder');
    expect(filed.amounts.fees).toBe(100_00 + 1_000_00 + 750_00);
    // The debtor's 14 days to reply (rolled past non-working days) run out without a reply.
    await api.advance(18);
    const endorsed = await step(undisputed.caseId, 'court-outcome', { outcome: 'endorsed' });
    expect(endorsed.closure.reason).toBe('judgmentObtained');
  });

  it('lists a Danish case with its pack and interest brought up to today at the Danish rate, as its own view has it', async () => {
    const id = (await handOverDanish()).caseId;
    await api.app.get(CaseProjector).catchUp();
    // Nothing happens to the case for 45 days: the list adds the interest since its last change.
    await api.advance(45);
    await api.app.get(CaseProjector).catchUp();
    const detail = (await api.get(`/cases/${id}`)).body.case;
    const listed = (await api.get('/cases?limit=200&creditorId=creditor-a')).body.items.find(
      (row: { caseId: string }) => row.caseId === id,
    );
    expect(listed).toMatchObject({ rulePack: 'DK', amounts: { interest: detail.amounts.interest } });
  });

  it('answers 400 for a jurisdiction it does not know and 400 for a Norwegian-only value in a Danish route', async () => {
    const unknown = await api.post('/cases', danish({ jurisdiction: 'SE' }), 'creditorA');
    expect(unknown.status).toBe(400);
    const id = (await handOverDanish()).caseId;
    const badRoute = await api.post(`/cases/${id}/court-claim`, { route: 'forliksrad', court: 'x' });
    expect(badRoute.status).toBe(400);
  });

  it('still refuses a DKK claim handed over without the Danish jurisdiction (a rule of the case: 422), naming the field', async () => {
    const res = await api.post('/cases', claim({ invoice: { ...claim().invoice, currency: 'DKK' } }), 'creditorA');
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('invoice.currency');
  });
});
