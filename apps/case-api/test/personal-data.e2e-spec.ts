import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE, loadConfig, readModelsCaughtUp } from '@app/case-runtime';
import type { EventStore } from '@app/event-store';
import { isSealed } from '@app/privacy';
import { CaseProjector, openReadStore, rebuildReadModels, verifyStoredCases, type ReadStore } from '@app/read-models';
import { Api, claim } from './api-harness';
import { readModelStores } from './read-model-stores';

const stores = readModelStores('Personal data end to end');

/** Ingrid's words and details, each of which must be sealed at rest and erased on request. */
const INGRID = {
  id: 'debtor-ingrid',
  name: 'Ingrid Solberg',
  phone: '+4798765432',
  email: 'ingrid.solberg@example.no',
  address: 'Bakkegata 7, 0650 Oslo',
  statement: 'The heat pump was never installed at Bakkegata',
  note: 'Ingrid sent photos of the empty wall',
  comment: 'Our fitter was there on the 3rd, says Ingrid is mistaken',
  summary: 'Ingrid still says the pump was never fitted',
  reason: 'Ingrid moved abroad, not worth pursuing',
};
const SECRETS = Object.entries(INGRID)
  .filter(([k]) => k !== 'id')
  .map(([, v]) => v);
const OLA = { id: 'debtor-ola', name: 'Ola Hansen' };

const ingridClaim = () =>
  claim({
    debtor: {
      id: INGRID.id,
      name: INGRID.name,
      kind: 'consumer',
      contact: { phone: INGRID.phone, email: INGRID.email, postalAddress: INGRID.address },
    },
  });

describe.each(stores)('a debtor’s personal data on %s', (_, env) => {
  const api = new Api();
  let disputed: string;
  let second: string;
  let olas: string;
  let read: ReadStore;

  const eventsFile = () => new Database(join(api.dir, 'engine.sqlite'), { readonly: true });
  const storedRows = () => {
    const db = eventsFile();
    try {
      return db.prepare('SELECT * FROM es_events ORDER BY position').all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };
  const readModelText = async () =>
    JSON.stringify([
      await read.db.selectFrom('rm_case_summary').selectAll().execute(),
      await read.db.selectFrom('rm_timeline').selectAll().execute(),
    ]);
  const caughtUp = () =>
    readModelsCaughtUp(api.app.get<EventStore>(EVENT_STORE), api.app.get(CaseProjector), { drive: false });

  beforeAll(async () => {
    await api.start(env);
    const config = loadConfig({ SQLITE_FILE: join(api.dir, 'engine.sqlite'), ...env });
    const { databaseUrl, schema, sqliteFile } = config.readModels;
    read = await openReadStore(databaseUrl ? { databaseUrl, schema } : { sqliteFile });

    const handed = await api.post('/cases', ingridClaim());
    disputed = handed.body.case.caseId;
    const steps: Array<[string, object, string?]> = [
      ['objections', { debtorStatement: INGRID.statement, channel: 'written' }],
      ['objection/referral', { note: INGRID.note }],
      ['creditor-reply', { reply: 'maintain', feeDecision: 'keep', comment: INGRID.comment }, 'creditorA'],
      [
        'debtor-contacts',
        { channel: 'phone', reached: true, summary: INGRID.summary, answer: 'maintainsDispute' },
        'caseworker',
      ],
    ];
    for (const [path, body, as] of steps) {
      const res = await api.post(`/cases/${disputed}/${path}`, body, as);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    second = (await api.post('/cases', ingridClaim())).body.case.caseId;
    olas = (
      await api.post(
        '/cases',
        claim({ debtor: { id: OLA.id, name: OLA.name, kind: 'consumer', contact: { phone: '+4790000001' } } }),
      )
    ).body.case.caseId;
    await caughtUp();
  });

  afterAll(async () => {
    await read.close();
    await api.stop();
  });

  it('given a handover and a dispute, then the stored events and the read models hold none of the debtor’s data in clear', async () => {
    const stored = storedRows();
    const text = JSON.stringify(stored);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const handover = JSON.parse(String(stored.find((r) => r.type === 'ClaimHandedOver')!.data));
    expect(isSealed(handover.debtor.name)).toBe(true);
    expect(isSealed(handover.debtor.contact.phone)).toBe(true);
    // Ids, amounts and dates stay in clear: folds and projections never need a key.
    expect(handover.debtor.id).toBe(INGRID.id);
    expect(handover.invoice.lines[0].amount).toBe(200000);
    const models = await readModelText();
    for (const secret of SECRETS) expect(models).not.toContain(secret);
    expect(models).toContain(INGRID.id);
  });

  it('then every route shows it to those who may see the case', async () => {
    const view = (await api.get(`/cases/${disputed}`)).body.case;
    expect(view.debtor).toEqual({
      id: INGRID.id,
      name: INGRID.name,
      kind: 'consumer',
      contact: { phone: INGRID.phone, email: INGRID.email, postalAddress: INGRID.address },
    });
    const history = await api.history(disputed, 'auditor');
    expect(JSON.stringify(history)).toContain(INGRID.statement);
    const timeline = (await api.get(`/cases/${disputed}/timeline`, 'creditorA')).body.items;
    expect(timeline.map((t: { sentence: string }) => t.sentence).join(' ')).toContain(INGRID.statement);
    expect(timeline[0].sentence).toContain(`against ${INGRID.name}`);
    const list = (await api.get('/cases?limit=200')).body.items;
    expect(list.find((c: { caseId: string }) => c.caseId === disputed).debtor.name).toBe(INGRID.name);
  });

  it('given a caseworker asks, then everything held about the debtor comes with where it was recorded and why', async () => {
    const res = await api.get(`/debtors/${INGRID.id}/data`);
    expect(res.status).toBe(200);
    expect(res.body.personalData.state).toBe('held');
    expect(res.body.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([disputed, second].sort());
    const fields = res.body.cases.flatMap((c: { fields: unknown[] }) => c.fields);
    const values = fields.map((f: { value: string }) => f.value);
    for (const secret of [INGRID.name, INGRID.phone, INGRID.email, INGRID.address, INGRID.statement, INGRID.summary]) {
      expect(values).toContain(secret);
    }
    expect(fields).toContainEqual(
      expect.objectContaining({
        caseId: disputed,
        event: 'ObjectionRegistered',
        field: 'debtorStatement',
        value: INGRID.statement,
        purpose: expect.stringContaining('assessed'),
      }),
    );
    expect(JSON.stringify(res.body)).not.toContain(OLA.name);
    expect(res.body.alsoHeld.length).toBeGreaterThan(0);
    expect((await api.get('/debtors/nobody-at-all/data')).status).toBe(404);
    expect((await api.get(`/debtors/${INGRID.id}/data`, 'creditorA')).status).toBe(403);
    expect((await api.get(`/debtors/${INGRID.id}/data`, 'auditor')).status).toBe(403);
  });

  it('given a case of the debtor is still open, then erasure is refused and changes nothing', async () => {
    const before = storedRows().length;
    const res = await api.post(`/debtors/${INGRID.id}/erasure`, { reason: 'GDPR art. 17 request 118' });
    expect(res.status).toBe(422);
    expect(res.body.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([disputed, second].sort());
    expect(storedRows()).toHaveLength(before);
    expect((await api.get(`/cases/${disputed}`)).body.case.debtor.name).toBe(INGRID.name);
    expect((await api.post(`/debtors/${INGRID.id}/erasure`, { reason: 'line\nbreak' })).status).toBe(400);
    expect((await api.post(`/debtors/${INGRID.id}/erasure`, {})).status).toBe(400);
    expect((await api.post('/debtors/nobody-at-all/erasure', { reason: 'x' })).status).toBe(404);
  });

  describe('once every case is closed and the debtor is erased', () => {
    let before: Array<Record<string, unknown>>;
    let erasure: { status: number; body: Record<string, unknown> };

    beforeAll(async () => {
      for (const id of [disputed, second]) {
        const res = await api.post(`/cases/${id}/withdrawal`, { reason: INGRID.reason }, 'creditorA');
        if (res.status !== 200) throw new Error(`withdrawal: ${res.status} ${JSON.stringify(res.body)}`);
      }
      await caughtUp();
      before = storedRows();
      erasure = await api.post(`/debtors/${INGRID.id}/erasure`, { reason: 'GDPR art. 17 request 118' });
      await caughtUp();
    });

    it('records the erasure in each case, and leaves every byte stored before as it was', () => {
      expect(erasure.status).toBe(200);
      expect(erasure.body).toMatchObject({ kind: 'erased', subjectId: INGRID.id, keyDestroyedNow: true });
      const after = storedRows();
      expect(after.slice(0, before.length)).toEqual(before);
      const added = after.slice(before.length);
      expect(added.map((r) => [r.type, r.stream_id]).sort()).toEqual(
        [disputed, second].map((id) => ['PersonalDataErased', `case-${id}`]).sort(),
      );
      expect(JSON.parse(String(added[0].data))).toMatchObject({ basis: 'request', reason: 'GDPR art. 17 request 118' });
    });

    it('shows the debtor’s data as erased in the case, its history, its timeline, the lists and the export', async () => {
      const view = (await api.get(`/cases/${disputed}`)).body.case;
      expect(view.debtor).toEqual({
        id: INGRID.id,
        name: '[erased]',
        kind: 'consumer',
        contact: { phone: '[erased]', email: '[erased]', postalAddress: '[erased]' },
      });
      expect(view.personalDataErasedAt).toEqual(expect.any(String));
      expect(view.status).toBe('closed');
      const shown = JSON.stringify([
        view,
        await api.history(disputed, 'auditor'),
        (await api.get(`/cases/${disputed}/timeline`)).body,
        (await api.get(`/cases/${second}/timeline`)).body,
        (await api.get('/cases?limit=200')).body,
        (await api.get('/portfolio', 'creditorA')).body,
        (await api.get(`/debtors/${INGRID.id}/data`)).body,
      ]);
      for (const secret of SECRETS) expect(shown).not.toContain(secret);
      expect(shown).toContain('[erased]');
      const exported = (await api.get(`/debtors/${INGRID.id}/data`)).body;
      expect(exported.personalData).toMatchObject({ state: 'erased', erasureReason: 'GDPR art. 17 request 118' });
      expect(exported.cases.flatMap((c: { fields: Array<{ value: string }> }) => c.fields.map((f) => f.value))).toEqual(
        expect.arrayContaining(['[erased]']),
      );
    });

    it('keeps the case’s figures and the other debtors’ data as they were', async () => {
      const view = (await api.get(`/cases/${disputed}`)).body.case;
      expect(view.closure).toMatchObject({ reason: 'withdrawn' });
      expect(view.amounts.principal).toBe(300000);
      const ola = (await api.get(`/cases/${olas}`)).body.case;
      expect(ola.debtor.name).toBe(OLA.name);
      const list = (await api.get('/cases?limit=200')).body.items;
      expect(list.find((c: { caseId: string }) => c.caseId === olas).debtor.name).toBe(OLA.name);
    });

    it('given the erasure is asked again, then it answers as before and records nothing more', async () => {
      const length = storedRows().length;
      const again = await api.post(`/debtors/${INGRID.id}/erasure`, { reason: 'again' });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ keyDestroyedNow: false });
      expect(again.body.cases.every((c: { recorded: string }) => c.recorded === 'before')).toBe(true);
      expect(storedRows()).toHaveLength(length);
    });

    it('given a new claim against the erased debtor id, then it is refused with a reason', async () => {
      const res = await api.post('/cases', ingridClaim());
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('was erased');
    });

    it('then a rebuild works without any key, and every case replays from its stored bytes to the read models', async () => {
      await rebuildReadModels(api.app.get<EventStore>(EVENT_STORE), read);
      const models = await readModelText();
      for (const secret of SECRETS) expect(models).not.toContain(secret);
      const list = (await api.get('/cases?limit=200')).body.items;
      expect(list.find((c: { caseId: string }) => c.caseId === disputed).debtor.name).toBe('[erased]');
      expect(list.find((c: { caseId: string }) => c.caseId === olas).debtor.name).toBe(OLA.name);
      const report = await verifyStoredCases(api.app.get<EventStore>(EVENT_STORE), read);
      expect(report).toMatchObject({ cases: 3, differing: [], unfoldable: [] });
      expect(report.agreeing).toBe(3);
    });
  });
});
