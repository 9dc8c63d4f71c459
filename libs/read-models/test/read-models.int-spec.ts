import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@app/event-store';
import { CaseProjector, CaseQueries, listParked, rebuildReadModels, type ReadStore } from '../src';
import { seedCases } from './seed';
import { readStores, snapshot } from './stores';

const STORES = readStores('Read models');

describe.each(STORES)('read models on %s', (_, open) => {
  let events: SqliteEventStore;
  let read: ReadStore;
  beforeEach(async () => {
    events = new SqliteEventStore({ file: ':memory:' });
    read = await open();
  });
  afterEach(async () => {
    await read?.close();
    await events.close();
  });

  it('projects every case: state, amounts, flags, open deadline and allowed actions, as the machine says', async () => {
    const specs = await seedCases(events, 20);
    const projector = new CaseProjector(events, read, { batchSize: 37 });
    expect(await projector.catchUp()).toBe(specs.reduce((n, s) => n + s.history.length, 0));
    const queries = new CaseQueries(read);
    for (const spec of specs) {
      const row = (await queries.summary(spec.state.facts!.caseId))!;
      expect(row.status).toBe(spec.status);
      expect(row.dispute_code).toBe(spec.state.facts!.dispute ? 1 : 0);
      expect(JSON.parse(row.allowed_actions)).toEqual(spec.view.allowedActions);
      expect(row.revision).toBe(spec.history.length - 1);
      expect(row.outstanding_principal).toBe(spec.view.amounts.outstandingPrincipal);
    }
    const timeline = await queries.timeline('c0003');
    expect(timeline.map((t) => t.type)).toEqual(specs[3].eventTypes());
    expect(timeline.find((t) => t.type === 'ObjectionReferredToCreditor')?.sentence).toContain(
      'referred to the creditor',
    );
  });

  it('answers the queues with counts and cursor paging, and the creditor portfolio', async () => {
    await seedCases(events, 30);
    await new CaseProjector(events, read).catchUp();
    const queries = new CaseQueries(read);
    const counts = await queries.queueCounts('2025-03-10T09:00:00.000Z');
    expect(counts).toMatchObject({ objectionsToAssess: 6, awaitingCreditor: 6, conciliationDecisions: 6 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.queue('awaitingCreditor', { now: '2025-03-10T09:00:00.000Z', limit: 4, cursor });
      seen.push(...page.items.map((r) => r.case_id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const overdueFirst = (await queries.queue('awaitingCreditor', { now: '2025-03-10T09:00:00.000Z', limit: 3 })).items;
    expect(overdueFirst[0].creditor_reminders).toBeGreaterThan(0);
    const portfolio = await queries.portfolio('creditor-a');
    expect(portfolio.totals.cases).toBe(15);
    expect(portfolio.awaitingReply.every((r) => r.replyDueAt)).toBe(true);
    expect(portfolio.byStatus.reduce((n, s) => n + s.cases, 0)).toBe(15);
  });

  it('is idempotent per event: a pass over nothing new changes nothing', async () => {
    await seedCases(events, 10);
    const projector = new CaseProjector(events, read);
    await projector.catchUp();
    const before = await snapshot(read);
    expect(await projector.pass()).toBe(0);
    expect(await snapshot(read)).toEqual(before);
  });

  it('given a crash in the middle of a batch, when it restarts, then the rows equal a clean rebuild', async () => {
    await seedCases(events, 15);
    let batches = 0;
    const crashing = new CaseProjector(events, read, {
      batchSize: 40,
      beforeCommit: () => {
        if (++batches === 3) throw new Error('killed mid-batch');
      },
    });
    await expect(crashing.catchUp()).rejects.toThrow('killed mid-batch');
    const restarted = new CaseProjector(events, read, { batchSize: 25 });
    await restarted.catchUp();
    const resumed = await snapshot(read);
    await rebuildReadModels(events, read);
    expect(await snapshot(read)).toEqual(resumed);
  });

  it('a rebuild yields exactly the rows of the live projection, and the live projector carries on after the swap', async () => {
    await seedCases(events, 12);
    const live = new CaseProjector(events, read, { batchSize: 50 });
    await live.catchUp();
    const before = await snapshot(read);
    const progress: number[] = [];
    const projected = await rebuildReadModels(events, read, (p) => progress.push(p.projected));
    expect(projected).toBe(before.timeline.length);
    expect(progress.length).toBeGreaterThan(0);
    expect(await snapshot(read)).toEqual(before);
    await seedCases(events, 0);
    await events.append(
      'case-c0000',
      [
        {
          id: randomUUID(),
          type: 'ClaimWithdrawn',
          data: { at: '2025-03-20T09:00:00.000Z', reason: 'x' },
          metadata: {},
        },
      ],
      { expectedRevision: 'any' },
    );
    await live.catchUp();
    expect((await new CaseQueries(read).summary('c0000'))?.status).toBe('closed');
  });

  it('given a stored event the fold cannot handle, when the projector runs, then that case is parked and the projection keeps running for the others', async () => {
    await seedCases(events, 2);
    await events.append(
      'case-c0000',
      [{ id: randomUUID(), type: 'PaymentRegistered', data: { at: '2025-03-20T09:00:00.000Z' }, metadata: {} }],
      { expectedRevision: 'any' },
    );
    const projector = new CaseProjector(events, read, { idleMs: 5 });
    projector.start();
    for (let i = 0; i < 200 && !(await listParked(read)).length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(projector.status).toEqual({ state: 'running' });
    await projector.stop();
    expect(await listParked(read)).toEqual([
      expect.objectContaining({ caseId: 'c0000', eventType: 'PaymentRegistered', error: expect.any(String) }),
    ]);
    const queries = new CaseQueries(read);
    expect((await queries.summary('c0000'))?.revision).toBe((await events.readStream('case-c0000')).length - 2);
    expect((await queries.summary('c0001'))?.revision).toBe((await events.readStream('case-c0001')).length - 1);
  });
});
