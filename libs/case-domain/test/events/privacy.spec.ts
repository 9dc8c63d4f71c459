import {
  caseViewOf,
  decideErasure,
  ERASED,
  fold,
  PERSONAL_FIELDS,
  type CaseEvent,
  type PersonalDataErased,
} from '../../src';
import { caseHistory } from '../../testing';

const erasure = (at: string): PersonalDataErased => ({
  type: 'PersonalDataErased',
  data: { at, subjectId: 'debtor-1', basis: 'retention', reason: 'retention policy 2026-12' },
});

describe('erasing the personal data of a case', () => {
  const history: CaseEvent[] = caseHistory();
  const before = fold(history);
  const last = before.facts!.lastChangedAt;
  const after = fold([erasure('2032-01-02T08:00:00.000Z')], before);

  it('given a closed case, when the debtor is erased, then every personal value of the debtor reads erased', () => {
    expect(before.status).toBe('closed');
    expect(before.facts!.debtor.name).not.toBe(ERASED);
    expect(after.facts!.debtor).toEqual({
      id: before.facts!.debtor.id,
      kind: before.facts!.debtor.kind,
      name: ERASED,
      contact: Object.fromEntries(Object.keys(before.facts!.debtor.contact).map((k) => [k, ERASED])),
    });
    expect(Object.keys(after.facts!.debtor.contact).length).toBeGreaterThan(1);
  });

  it('then the claim stays as it was: state, amounts, closure and the last change', () => {
    const { debtor: _d, personalDataErasedAt, ...rest } = after.facts!;
    const { debtor: _b, ...restBefore } = before.facts!;
    expect(rest).toEqual(restBefore);
    expect(after.status).toBe(before.status);
    expect(personalDataErasedAt).toBe('2032-01-02T08:00:00.000Z');
    expect(after.facts!.lastChangedAt).toBe(last);
    const asOf = '2032-01-02';
    const { debtor: _vd, personalDataErasedAt: erasedAt, ...view } = caseViewOf(after, asOf);
    const { debtor: _bd, personalDataErasedAt: none, ...viewBefore } = caseViewOf(before, asOf);
    expect(view).toEqual(viewBefore);
    expect([none, erasedAt]).toEqual([null, '2032-01-02T08:00:00.000Z']);
  });

  it('erases only the debtor paths the personal fields name (none is left out, none is typed again)', () => {
    const debtorPaths = PERSONAL_FIELDS.ClaimHandedOver!.map((f) => f.path).filter((p) => p.startsWith('debtor.'));
    expect(debtorPaths).toEqual(expect.arrayContaining(['debtor.name', 'debtor.contact.phone']));
    const erased = JSON.stringify(after.facts!.debtor);
    for (const value of [before.facts!.debtor.name, ...Object.values(before.facts!.debtor.contact)]) {
      expect(erased).not.toContain(value);
    }
  });
});

describe('deciding an erasure', () => {
  const history = caseHistory();
  const closed = fold(history);
  const closedAt = closed.facts!.closure!.at;
  const open = fold(history.slice(0, 3));
  const request = { subjectId: closed.facts!.debtor.id, basis: 'request' as const, reason: 'GDPR art. 17, ticket 118' };

  it('given a closed case, when its debtor asks, then the erasure is recorded once', () => {
    const decision = decideErasure(closed, { ...request, at: '2026-12-01T10:00:00.000Z' });
    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'PersonalDataErased', data: { ...request, at: '2026-12-01T10:00:00.000Z' } }],
    });
    const erased = fold(decision.ok ? decision.events : [], closed);
    expect(decideErasure(erased, { ...request, at: '2026-12-02T10:00:00.000Z' })).toEqual({ ok: true, events: [] });
  });

  it('given an open case, then its data is needed to pursue the claim and is not erased', () => {
    expect(open.status).not.toBe('closed');
    const decision = decideErasure(open, { ...request, at: '2026-12-01T10:00:00.000Z' });
    expect(decision).toEqual({ ok: false, refusal: { kind: 'open', message: expect.stringContaining('is open') } });
  });

  it('given the retention rule, then a case is erased only once its period has run', () => {
    const retention = { ...request, basis: 'retention' as const, reason: 'retention run' };
    const year = Number(closedAt.slice(0, 4));
    const kept = decideErasure(closed, { ...retention, at: `${year + 5}-12-31T12:00:00.000Z` });
    expect(kept).toEqual({
      ok: false,
      refusal: expect.objectContaining({ kind: 'retained', until: `${year + 6}-01-01` }),
    });
    const due = decideErasure(closed, { ...retention, at: `${year + 6}-01-01T12:00:00.000Z` });
    expect(due.ok && due.events.map((e) => e.type)).toEqual(['PersonalDataErased']);
    const shorter = decideErasure(closed, { ...retention, retentionYears: 1, at: `${year + 2}-01-01T12:00:00.000Z` });
    expect(shorter.ok).toBe(true);
  });

  it('given another debtor, or no case, then nothing is erased', () => {
    expect(decideErasure(closed, { ...request, subjectId: 'someone-else', at: closedAt }).ok).toBe(false);
    expect(decideErasure(fold([]), { ...request, at: closedAt }).ok).toBe(false);
  });
});
