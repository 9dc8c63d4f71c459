import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseHistory } from '@app/case-domain/testing';
import { CASEWORKER, TestEngine } from '../../testing';
import { exportSubjectData } from './access-export';
import { reportClearData } from './clear-data-report';
import { eraseSubject } from './erasure';
import { runRetention } from './retention';

const debtor = (id: string, name: string) => ({
  id,
  name,
  kind: 'consumer' as const,
  contact: { phone: '+4791111111', email: `${id}@example.no` },
});
const by = { principal: CASEWORKER, correlationId: 'test-run' };

let dir: string;
let engine: TestEngine;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-runtime-'));
  engine = await TestEngine.open(dir, { now: '2025-03-03T09:00:00.000Z' });
});
afterEach(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const typesOf = async (caseId: string) => (await engine.streams.read(caseId)).map((s) => s.event.type);

describe('the retention run', () => {
  /** One debtor whose case closed in March 2025, one with a case still open, one whose case closed in 2026. */
  async function portfolio() {
    const closed = await engine.handOver({ creditorReference: 'R-1', debtor: debtor('d-closed', 'Per Closed') });
    await engine.withdraw(closed);
    const open = await engine.handOver({ creditorReference: 'R-2', debtor: debtor('d-open', 'Pia Open') });
    engine.clock.set('2026-02-01T09:00:00.000Z');
    const later = await engine.handOver({ creditorReference: 'R-3', debtor: debtor('d-later', 'Lars Later') });
    await engine.withdraw(later);
    return { closed, open, later };
  }

  const retention = (apply: boolean, listed: string[] = []) =>
    runRetention(engine.personalData, {
      ...by,
      apply,
      retentionYears: 5,
      onSubject: (s) => listed.push(s.subjectId),
    });

  it('given a case closed in 2025, then its data is kept to the end of 2030 and a run on 31 December 2030 lists nothing', async () => {
    await portfolio();
    engine.clock.set('2030-12-31T12:00:00.000Z');
    expect(await retention(true)).toMatchObject({
      today: '2030-12-31',
      closedBy: '2024-12-31',
      subjects: 0,
      erased: 0,
    });
  });

  it('given 1 January 2031, then a dry run lists that debtor only, and changes nothing', async () => {
    const { closed } = await portfolio();
    engine.clock.set('2031-01-01T08:00:00.000Z');
    const listed: string[] = [];
    expect(await retention(false, listed)).toMatchObject({ closedBy: '2025-12-31', subjects: 1, erased: 0 });
    expect(listed).toEqual(['d-closed']);
    expect(await typesOf(closed)).not.toContain('PersonalDataErased');
    expect((await engine.keys.status('d-closed')).state).toBe('active');
  });

  it('given --apply, then the debtor is erased on the retention basis; the open case and the later one are kept', async () => {
    const { closed, open, later } = await portfolio();
    engine.clock.set('2031-01-01T08:00:00.000Z');
    expect(await retention(true)).toMatchObject({ subjects: 1, erased: 1, refused: 0 });
    const erasedEvent = (await engine.streams.read(closed)).at(-1)!.event;
    expect(erasedEvent).toMatchObject({
      type: 'PersonalDataErased',
      data: { subjectId: 'd-closed', basis: 'retention' },
    });
    expect((await engine.streams.read(closed))[0].event).toMatchObject({ data: { debtor: { name: '[erased]' } } });
    expect((await engine.keys.status('d-closed')).state).toBe('erased');
    for (const kept of [open, later]) expect(await typesOf(kept)).not.toContain('PersonalDataErased');
    expect((await engine.keys.status('d-later')).state).toBe('active');

    // Once erased, a debtor is not listed again; a year on, the 2026 case's debtor is.
    expect(await retention(true)).toMatchObject({ subjects: 0 });
    engine.clock.set('2032-01-01T08:00:00.000Z');
    const listed: string[] = [];
    expect(await retention(true, listed)).toMatchObject({ subjects: 1, erased: 1 });
    expect(listed).toEqual(['d-later']);
  });

  it('reports closed cases whose summary lacks the closing date (from before it was kept)', async () => {
    await portfolio();
    await engine.personalData.catchUp();
    await engine.read.db
      .updateTable('rm_case_summary')
      .set({ closed_on: null })
      .where('debtor_id', '=', 'd-closed')
      .execute();
    engine.clock.set('2031-01-01T08:00:00.000Z');
    expect(await retention(false)).toMatchObject({ subjects: 0, undated: 1 });
  });
});

describe('personal data written in clear before encryption', () => {
  /** A closed case of debtor-1 (Kari Nordmann), stored as an engine without encryption stored it. */
  async function legacyCase(): Promise<string> {
    const caseId = randomUUID();
    const events = caseHistory().map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.type === 'ClaimHandedOver' ? { ...e.data, caseId } : e.data,
      metadata: { schemaVersion: 2 },
    }));
    await engine.store.append(`case-${caseId}`, events, { expectedRevision: 'no_stream' });
    return caseId;
  }

  it('is read as it is, counted by the check, and exported with the purpose of each field', async () => {
    const caseId = await legacyCase();
    await engine.handOver({ creditorReference: 'R-new', debtor: debtor('d-new', 'Nina New') });
    const [handedOver] = await engine.streams.read(caseId);
    expect(handedOver.event).toMatchObject({ data: { debtor: { name: 'Kari Nordmann' } } });

    const report = await reportClearData(engine.store);
    expect(report.casesWithClearData).toBe(1);
    expect(report.clearByType.ClaimHandedOver).toBe(4); // name, phone, e-mail, postal address
    expect(report.clearValues).toBeGreaterThan(4);

    const held = await exportSubjectData({ ...engine.personalData, retentionYears: 5 }, 'debtor-1');
    expect(held?.personalData).toEqual({ state: 'none' });
    expect(held?.cases[0].fields).toContainEqual(
      expect.objectContaining({ field: 'debtor.name', value: 'Kari Nordmann', purpose: expect.any(String) }),
    );
  });

  it('given its debtor is erased, then it reads as erased although its bytes stay, which the check still counts', async () => {
    const caseId = await legacyCase();
    const before = await reportClearData(engine.store);
    const outcome = await eraseSubject(engine.personalData, {
      ...by,
      subjectId: 'debtor-1',
      basis: 'request',
      reason: 'GDPR art. 17 request 7',
    });
    expect(outcome).toMatchObject({ kind: 'erased', keyDestroyedNow: true, cases: [{ caseId, recorded: 'now' }] });
    const texts = JSON.stringify((await engine.streams.read(caseId)).map((s) => s.event));
    for (const secret of ['Kari Nordmann', '+4791234567', 'kari@example.no', 'The service visit never took place.']) {
      expect(texts).not.toContain(secret);
    }
    const held = await exportSubjectData({ ...engine.personalData, retentionYears: 5 }, 'debtor-1');
    expect(held?.personalData).toMatchObject({ state: 'erased', erasureReason: 'GDPR art. 17 request 7' });
    expect(new Set(held?.cases[0].fields.map((f) => f.value))).toEqual(new Set(['[erased]']));
    expect((await reportClearData(engine.store)).clearValues).toBe(before.clearValues);
  });
});

describe('erasure across a debtor’s cases', () => {
  it('given a debtor never seen, then there is nothing to erase', async () => {
    expect(
      await eraseSubject(engine.personalData, { ...by, subjectId: 'nobody', basis: 'request', reason: 'x' }),
    ).toEqual({
      kind: 'notFound',
      message: 'No data is held about debtor nobody.',
    });
    expect((await engine.keys.status('nobody')).state).toBe('unknown');
  });

  it('given one open case among closed ones, then nothing is destroyed and no case records anything', async () => {
    const first = await engine.handOver({ creditorReference: 'E-1', debtor: debtor('d-2', 'Dag Two') });
    await engine.withdraw(first);
    const open = await engine.handOver({ creditorReference: 'E-2', debtor: debtor('d-2', 'Dag Two') });
    const outcome = await eraseSubject(engine.personalData, { ...by, subjectId: 'd-2', basis: 'request', reason: 'x' });
    expect(outcome).toMatchObject({ kind: 'refused', cases: [{ caseId: open }] });
    expect((await engine.keys.status('d-2')).state).toBe('active');
    expect(await typesOf(first)).not.toContain('PersonalDataErased');
  });
});
