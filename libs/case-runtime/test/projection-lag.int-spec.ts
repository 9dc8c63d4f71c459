import { realisticCases } from '@app/case-domain/testing';
import { SqliteEventStore } from '@app/event-store';
import { CaseProjector, openReadStore, type ReadStore } from '@app/read-models';
import { ProjectionLag } from '../src';

describe('the projection lag /health reports', () => {
  let events: SqliteEventStore;
  let read: ReadStore;
  beforeEach(async () => {
    events = new SqliteEventStore({ file: ':memory:' });
    read = await openReadStore({ sqliteFile: ':memory:' });
    for (const a of realisticCases({ seed: 51, events: 8000 })) {
      await events.append(a.streamId, a.events, { expectedRevision: a.expectedRevision });
    }
  });
  afterEach(async () => {
    await read.close();
    await events.close();
  });

  it('given a long catch-up, then it says catching up with the progress along the log, and running with no lag once caught up', async () => {
    const projector = new CaseProjector(events, read, { batchSize: 50 });
    const lag = new ProjectionLag(events, projector, read);
    const before = await lag.measure();
    expect(before).toMatchObject({ projector: 'stopped', events: 1000, progress: { position: null, percent: 0 } });
    projector.start();
    const during: Array<Awaited<ReturnType<ProjectionLag['measure']>>> = [];
    for (let i = 0; i < 2000; i++) {
      const measured = await lag.measure();
      if (measured.events === 0) break;
      during.push(measured);
      await new Promise((r) => setTimeout(r, 5));
    }
    const catchingUp = during.filter((m) => m.projector === 'catching up');
    expect(catchingUp.length).toBeGreaterThan(0);
    const percents = catchingUp.map((m) => m.progress!.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents[0]).toBeLessThan(100);
    expect(catchingUp[0].progress!.head).toMatch(/^\d+\/\d+$/);
    await projector.catchUp();
    const after = await lag.measure();
    expect(after).toMatchObject({ projector: 'running', events: 0, seconds: 0 });
    expect(after.progress).toBeUndefined();
    await projector.stop();
  });
});
