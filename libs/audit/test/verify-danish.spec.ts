import { business, cmd, danishClaim, day, givenDanish, objection, type CaseSpec } from '@app/case-domain/testing';
import type { CaseEvent } from '@app/case-domain';
import type { RecordedEvent } from '@app/event-store';
import { chained, verifyCaseEvents, type Finding } from '@app/audit';

type Stored = { id: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

const court = { court: 'Københavns Byret' };
const claimOf = (kroner: number) => ({
  invoice: { ...danishClaim().invoice!, lines: [{ lineId: 'L1', description: 'Entreprise', amount: kroner * 100 }] },
});

/** A disputed claim the creditor maintains and the debtor too: the agency to take it to court. */
const toCourtDecision = (kroner: number) =>
  givenDanish(claimOf(kroner))
    .do(objection())
    .do(cmd('ReferObjectionToCreditor', {}))
    .do(cmd('RecordCreditorReply', { reply: 'maintain', feeDecision: 'keep' }))
    .do(cmd('RecordDebtorAnswer', { answer: 'maintainsDispute', summary: 'Bestrider kravet' }))
    .do(cmd('DecideOnConciliation', { choice: 'agencyFiles' }));

/** Danish cases down each of the pack's fee and interest paths, as the domain decides them. */
const histories: Record<string, () => CaseSpec> = {
  'a consumer, the agency’s letter and two payments': () =>
    givenDanish()
      .passTime(day(12))
      .do(cmd('RegisterPayment', { amount: 1_000_00, paidOn: '2025-03-14', reference: 'FIK 1' }))
      .passTime(day(60))
      .do(cmd('RegisterPayment', { amount: 500_00, paidOn: '2025-05-01', reference: 'FIK 2' })),
  'a business with three fee-bearing reminders, then a betalingspåkrav': () =>
    givenDanish({ debtor: business, remindersSentOn: ['2025-02-05', '2025-02-15', '2025-02-25'] })
      .passTime(day(10))
      .do(cmd('FilePaymentOrder', court))
      .passTime(day(40))
      .do(cmd('RegisterPayment', { amount: 200_00, paidOn: '2025-04-10', reference: 'FIK 3' })),
  'a claim above 100 000 DKK taken to the byret as a civil case (court fee and hearing fee)': () =>
    toCourtDecision(300_000).do(cmd('FileCourtClaim', { route: 'civilCase', ...court })),
  'a disputed small claim taken to the byret': () =>
    toCourtDecision(20_000).do(cmd('FileCourtClaim', { route: 'smallClaims', ...court })),
};

/** The history as a store hands it back, linked, each event recorded at its own business time. */
function stored(history: readonly CaseEvent[]): RecordedEvent[] {
  let at = '';
  const events: Stored[] = history.map((e, i) => {
    at = (e.data as { at?: string }).at ?? at;
    return {
      id: `e${i}`,
      type: e.type,
      data: structuredClone(e.data) as Record<string, unknown>,
      metadata: { occurredAt: at },
    };
  });
  return chained('case-dk', 0n, null, events).map((e, i) => ({
    ...(JSON.parse(JSON.stringify(e)) as Stored),
    streamId: 'case-dk',
    revision: BigInt(i),
    position: { commit: BigInt(i + 1), prepare: BigInt(i + 1) },
    created: String(e.metadata.occurredAt),
  }));
}

/** Alters the stored event at `at` as a tamperer would, then links the stream afresh so only the figure is wrong. */
function tampered(history: readonly CaseEvent[], at: number, change: (data: Record<string, unknown>) => void) {
  const events = structuredClone(history) as CaseEvent[];
  change(events[at].data as unknown as Record<string, unknown>);
  return verifyCaseEvents('dk', stored(events)).findings;
}
const kinds = (findings: Finding[]) => findings.map((f) => `${f.kind}@${f.revision}`);
const indexOf = (history: readonly CaseEvent[], where: (e: CaseEvent) => boolean) => {
  const at = history.findIndex(where);
  if (at < 0) throw new Error('the history has no such event');
  return at;
};
const feeOf = (kind: string) => (e: CaseEvent) => e.type === 'FeeCharged' && e.data.fee.kind === kind;
const history = (name: string) => histories[name]().history;

describe('verification of Danish cases: fees and interest recomputed by the Danish rule pack', () => {
  it.each(Object.keys(histories))('given %s, as decided, then no finding', (name) => {
    const h = history(name);
    const report = verifyCaseEvents('dk', stored(h));
    expect(report.findings).toEqual([]);
    // The paths really charge Danish fees (so the clean result is the pack's recompute agreeing).
    expect(h.some((e) => e.type === 'FeeCharged' && e.data.fee.basis.table.startsWith('DK-'))).toBe(true);
  });

  it.each([
    ['collectionCosts', 'a consumer, the agency’s letter and two payments', 'DK-inkassoomkostninger-2016'],
    ['handoverFee', 'a consumer, the agency’s letter and two payments', 'DK-inkassogebyr'],
    ['reminder', 'a business with three fee-bearing reminders, then a betalingspåkrav', 'DK-rykkergebyr'],
    [
      'businessCompensation',
      'a business with three fee-bearing reminders, then a betalingspåkrav',
      'DK-kompensationsbeloeb',
    ],
    ['courtFee', 'a business with three fee-bearing reminders, then a betalingspåkrav', 'DK-retsafgift'],
    [
      'courtHearingFee',
      'a claim above 100 000 DKK taken to the byret as a civil case (court fee and hearing fee)',
      'DK-retsafgift',
    ],
  ])('given a Danish %s whose amount was raised by 1 øre, then a feeMismatch names it', (kind, name, table) => {
    const h = history(name);
    const at = indexOf(h, feeOf(kind));
    expect((h[at] as Extract<CaseEvent, { type: 'FeeCharged' }>).data.fee.basis.table).toContain(table);
    const findings = tampered(h, at, (d) => void ((d.fee as { amount: number }).amount += 1));
    expect(kinds(findings)).toEqual([`feeMismatch@${at}`]);
    expect(findings[0].message).toMatch(new RegExp(`^${kind} recorded`));
  });

  it('given a collection-cost cap whose recorded claim was changed (the amount left as charged), then a feeMismatch', () => {
    const h = history('a consumer, the agency’s letter and two payments');
    const at = indexOf(h, feeOf('collectionCosts'));
    const findings = tampered(h, at, (d) => {
      const figures = (d.fee as { basis: { figures: { claim: number } } }).basis.figures;
      figures.claim = 60_000_00;
    });
    expect(kinds(findings)).toEqual([`feeMismatch@${at}`]);
  });

  it('given a fourth fee-bearing reminder slipped in, then a feeMismatch: at most three carry a fee', () => {
    const h = history('a business with three fee-bearing reminders, then a betalingspåkrav');
    const at = indexOf(h, feeOf('reminder'));
    const findings = tampered(h, at, (d) => {
      (d.fee as { basis: { figures: { reminderNumber: number } } }).basis.figures.reminderNumber = 4;
    });
    expect(kinds(findings)).toEqual([`feeMismatch@${at}`]);
    expect(findings[0].message).toMatch(/At most 3 reminders/);
  });

  it('given a Danish case charged by a Norwegian table, then a feeMismatch: its pack has no such table', () => {
    const h = history('a consumer, the agency’s letter and two payments');
    const at = indexOf(h, feeOf('handoverFee'));
    const findings = tampered(
      h,
      at,
      (d) => void ((d.fee as { basis: { table: string } }).basis.table = 'NO-inkassosats'),
    );
    expect(kinds(findings)).toEqual([`feeMismatch@${at}`]);
    expect(findings[0].message).toMatch(/Denmark rule pack does not have/);
  });

  it('given morarente recorded 1 øre short on a payment, then an interestMismatch names the payment', () => {
    const h = history('a consumer, the agency’s letter and two payments');
    const at = indexOf(h, (e) => e.type === 'PaymentRegistered' && e.data.interest.amount > 0);
    expect((h[at] as Extract<CaseEvent, { type: 'PaymentRegistered' }>).data.interest.table).toBe('DK-morarente');
    const findings = tampered(h, at, (d) => void ((d.interest as { amount: number }).amount -= 1));
    expect(kinds(findings)).toContain(`interestMismatch@${at}`);
  });

  it('given a Danish payment whose interest claims the Norwegian table, then an interestMismatch', () => {
    const h = history('a consumer, the agency’s letter and two payments');
    const at = indexOf(h, (e) => e.type === 'PaymentRegistered' && e.data.interest.amount > 0);
    const findings = tampered(h, at, (d) => void ((d.interest as { table: string }).table = 'NO-forsinkelsesrente'));
    expect(kinds(findings)).toEqual([`interestMismatch@${at}`]);
    expect(findings[0].message).toMatch(/DK-morarente/);
  });
});
