import { cmd, day, objection } from '../../testing';
import type { Rejection } from '../../src';
import { feesOf, givenDanish } from './danish-case';

const rejected = (r: unknown) => r as Rejection;

/**
 * The Danish seed (001_…txt): an objection after handover pauses collection until it is
 * clarified on documents from both sides; then collection continues (objection unfounded) or
 * stops entirely (objection upheld), and with it the fees.
 */
describe('a Danish objection (indsigelse)', () => {
  it('given a claim in collection, when the debtor objects orally, then collection pauses and no fee or letter follows while it is open', () => {
    const spec = givenDanish().do({ ...objection(), data: { debtorStatement: 'Varen var defekt.', channel: 'oral' } });
    expect(spec.status).toBe('dispute.assessing');
    expect(spec.view.flags).toMatchObject({ disputeCode: true, collectionPaused: true, creditRemarkAllowed: false });
    const feesBefore = feesOf(spec).length;
    spec.passDays(60);
    expect(feesOf(spec)).toHaveLength(feesBefore);
    expect(spec.count('PaymentDemandSent')).toBe(0);
  });

  it('given an objection, when documents are requested, then they are asked of both sides by default', () => {
    const spec = givenDanish()
      .do(objection())
      .do(cmd('RequestDocuments', { request: 'Kontrakt og kontoudtog' }));
    expect(spec.last('DocumentsRequested').data).toMatchObject({ from: 'both' });
    expect(spec.status).toBe('dispute.awaitingDebtorDocuments');
  });

  it("given only the debtor's documents, when the agency would find the objection unfounded, then it is refused: the creditor carries the burden of proof", () => {
    const spec = givenDanish()
      .do(objection())
      .do(cmd('RequestDocuments', { request: 'Kontrakt og kontoudtog' }))
      .do(cmd('RecordDocumentsReceived', { description: 'Kontoudtog', from: 'debtor' }));
    expect(spec.view.allowedActions).not.toContain('RejectObjection');
    const r = rejected(spec.try(cmd('RejectObjection', { writtenAnswer: 'Kravet står ved magt.' })));
    expect(r.kind).toBe('notAllowed');
    expect(r.message).toMatch(/burden of proof/);
  });

  it('given documents from both sides, when the objection is found unfounded and the debtor accepts, then collection continues where it stood', () => {
    const spec = givenDanish()
      .do(objection())
      .do(cmd('RequestDocuments', { request: 'Kontrakt og kontoudtog' }))
      .do(cmd('RecordDocumentsReceived', { description: 'Kontrakt og leveringsbevis; kontoudtog', from: 'both' }));
    expect(spec.view.allowedActions).toContain('RejectObjection');
    spec
      .do(cmd('RejectObjection', { writtenAnswer: 'Leveringen er dokumenteret.' }))
      .do(cmd('RecordDebtorAnswer', { answer: 'accepts', summary: 'Betaler' }));
    expect(spec.status).toBe('collection.notice');
    expect(spec.view.flags.disputeCode).toBe(false);
    // The påkrav's 10 days start again, then the agency's letter and its one cap follow.
    spec.passDays(11);
    expect(spec.status).toBe('collection.demand');
    expect(feesOf(spec).map(([kind]) => kind)).toEqual(['handoverFee', 'collectionCosts']);
  });

  it('given an objection referred to the creditor, when the creditor upholds it, then collection stops entirely and every fee falls away', () => {
    const spec = givenDanish()
      .passTime(day(10))
      .do(objection())
      .do(cmd('RequestDocuments', { request: 'Kontrakt' }))
      .do(cmd('RecordDocumentsReceived', { description: 'Kontrakt', from: 'creditor' }))
      .do(cmd('ReferObjectionToCreditor', { note: 'Kunden har ret' }))
      .do(cmd('RecordCreditorReply', { reply: 'creditDisputedLines', comment: 'Kunden har ret' }));
    expect(spec.status).toBe('closed');
    expect(spec.view.closure?.reason).toBe('credited');
    expect(spec.view.amounts).toMatchObject({ outstanding: 0, outstandingCosts: 0, collectable: 0 });
    // The handover fee and the cap (1 100 DKK) are written off, not billed to anyone.
    expect(spec.view.amounts.creditorFees).toBe(0);
    expect(spec.last('ClaimCreditedInFull').data.writtenOff.costs).toBe(1_100_00);
  });

  it('given a Norwegian case, when documents are asked of the creditor, then it is invalid (Norway asks the debtor)', () => {
    const spec = givenDanish({
      jurisdiction: undefined,
      invoice: {
        ...givenDanish().state.facts!.invoice,
        currency: 'NOK',
        lines: [{ lineId: 'L1', description: 'x', amount: 1_000_00 }],
      },
    }).do(objection());
    const r = rejected(spec.try(cmd('RequestDocuments', { request: 'Kontrakt', from: 'both' })));
    expect(r).toMatchObject({ kind: 'invalid', field: 'from' });
  });
});
