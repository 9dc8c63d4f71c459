import { CLOSING_EVENTS, caseEventOf, type CaseEventType } from '@app/case-domain';
import { realisticCases } from '@app/case-domain/testing';
import {
  BILLABLE_TYPES,
  BILLING_EVENT_TYPES,
  CONTRACT_VERSIONS,
  caseContextOf,
  contractProblems,
  publishedSchemaOf,
  schemaOf,
  toBillingEvents,
  type BillingEvent,
  type CaseContext,
} from '../src';

/** The billing events of realistic histories, mapped as the feed does: each case's context from its handover. */
function billingEventsOf(cases: number, seed = 7) {
  const contexts = new Map<string, CaseContext>();
  const events: BillingEvent[] = [];
  const personal = new Set<string>();
  let closings = 0;
  let position = 0;
  for (const append of realisticCases({ cases, seed })) {
    append.events.forEach((stored, i) => {
      const event = caseEventOf(stored.type, stored.data);
      if (event.type === 'ClaimHandedOver') {
        contexts.set(append.caseId, caseContextOf(append.caseId, event.data));
        personal.add(event.data.debtor.name);
      }
      if ('debtorStatement' in event.data) personal.add(event.data.debtorStatement);
      if (CLOSING_EVENTS.has(event.type)) closings++;
      const revision = append.expectedRevision === 'no_stream' ? i : Number(append.expectedRevision) + 1 + i;
      position++;
      events.push(
        ...toBillingEvents(
          { event, source: { eventId: stored.id, streamRevision: revision, position: `${position}/${position}` } },
          contexts.get(append.caseId)!,
        ),
      );
    });
  }
  return { events, personal, closings };
}

describe('the billing contract', () => {
  const { events, personal, closings } = billingEventsOf(400);

  it('given realistic cases, then every billing event they give validates against its schema', () => {
    expect(events.length).toBeGreaterThan(400);
    const problems = events.flatMap((e) => contractProblems(e).map((p) => `${e.type} ${e.id}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('given realistic cases, then they exercise every billing event type the contract has', () => {
    const seen = new Set(events.map((e) => e.type));
    expect(BILLING_EVENT_TYPES.filter((t) => !seen.has(t))).toEqual([]);
  });

  it('a schema refuses an event that breaks it (an extra field, a float amount, a missing currency)', () => {
    const fee = events.find((e) => e.type === 'FeeCharged')!;
    expect(contractProblems({ ...fee, debtorName: 'Kari' } as never)).not.toEqual([]);
    expect(
      contractProblems({ ...fee, data: { ...fee.data, amount: { amount: 1.5, currency: 'NOK' } } } as never),
    ).not.toEqual([]);
    expect(contractProblems({ ...fee, data: { ...fee.data, amount: { amount: 100 } } } as never)).not.toEqual([]);
  });

  it('never carries personal data: no debtor name or statement appears in any billing event', () => {
    expect(personal.size).toBeGreaterThan(100);
    const text = JSON.stringify(events);
    expect([...personal].filter((value) => value.length > 3 && text.includes(value))).toEqual([]);
  });

  it('gives each event an id that a second mapping of the same history repeats exactly', () => {
    const again = billingEventsOf(400).events;
    expect(again).toEqual(events);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('carries the case currency on every amount (DKK as well as NOK)', () => {
    const context: CaseContext = { caseId: 'c-1', creditorId: 'cr-1', currency: 'DKK' };
    const [payment] = toBillingEvents(
      {
        event: {
          type: 'PaymentRegistered',
          data: {
            at: '2025-04-01T09:00:00.000Z',
            amount: 1000,
            paidOn: '2025-04-01',
            reference: 'KID 123',
            interest: { amount: 12, from: '2025-03-01', to: '2025-04-01', periods: [], table: 'renteloven' },
            allocation: { costs: 500, interest: 12, principal: 488, surplus: 0 },
          },
        },
        source: { eventId: 'e-1', streamRevision: 4, position: '9/9' },
      },
      context,
    );
    expect(payment).toMatchObject({ type: 'PaymentAllocated', caseId: 'c-1', creditorId: 'cr-1', id: 'e-1:0' });
    const amounts = JSON.stringify(payment).match(/"currency":"(\w+)"/g)!;
    expect(amounts.length).toBe(6);
    expect(new Set(amounts)).toEqual(new Set(['"currency":"DKK"']));
    expect(contractProblems(payment)).toEqual([]);
  });

  it("announces a case's closure for exactly the machine's closing events, with the machine's reason", () => {
    expect(closings).toBeGreaterThan(50);
    expect(events.filter((e) => e.type === 'CaseClosed').length).toBe(closings);
    expect(BILLABLE_TYPES).toEqual(expect.arrayContaining([...CLOSING_EVENTS.keys()]));
    for (const [type, why] of CLOSING_EVENTS) {
      const [closed] = toBillingEvents(sample(type), { caseId: 'c', creditorId: 'cr', currency: 'NOK' });
      expect(closed.data).toMatchObject({ closure: why });
      // Every reason the machine closes for (the Danish pack's too) is one the schema takes.
      expect(contractProblems(closed)).toEqual([]);
    }
  });
});

describe('the schemas as published', () => {
  it.each(BILLING_EVENT_TYPES)(
    '%s: its schema is the one published for its current version (change it only with a version bump and a new published file)',
    (type) => {
      const schema = schemaOf(type);
      const version = CONTRACT_VERSIONS[type];
      expect((schema.properties as Record<string, { const?: unknown }>).version.const).toBe(version);
      const published = publishedSchemaOf(type, version);
      expect(published).toBeDefined();
      expect(withoutProse(schema)).toEqual(withoutProse(published!));
    },
  );

  it('keeps every earlier published version of a type', () => {
    for (const type of BILLING_EVENT_TYPES) {
      for (let v = 1; v <= CONTRACT_VERSIONS[type]; v++) expect(publishedSchemaOf(type, v)).toBeDefined();
    }
  });

  it('would fail on a breaking change: a renamed field is not the published shape', () => {
    const schema = structuredClone(schemaOf('FeeCharged')) as { properties: { data: { properties: object } } };
    const { amount, ...rest } = schema.properties.data.properties as Record<string, unknown>;
    schema.properties.data.properties = { ...rest, sum: amount };
    expect(withoutProse(schema)).not.toEqual(withoutProse(publishedSchemaOf('FeeCharged', 1)!));
  });
});

/** Descriptions and titles may be reworded within a version; everything else is the contract. */
function withoutProse(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutProse);
  if (schema && typeof schema === 'object')
    return Object.fromEntries(
      Object.entries(schema)
        .filter(([key]) => key !== 'description' && key !== 'title' && key !== '$comment')
        .map(([key, value]) => [key, withoutProse(value)]),
    );
  return schema;
}

/** A minimal internal event of a type, for the mapping alone (its data as the decider would write it). */
function sample(type: CaseEventType) {
  const at = '2025-04-01T09:00:00.000Z';
  const data: Record<string, unknown> = {
    at,
    reason: 'paidDirectlyToCreditor',
    note: '',
    summary: '',
    comment: '',
    recommendation: { filer: 'agency', reason: '' },
    writtenOff: { costs: 0, interest: 0, principal: 0 },
  };
  return { event: caseEventOf(type, data), source: { eventId: `e-${type}`, streamRevision: 3, position: '1/1' } };
}
