import { realisticCases } from '@app/case-domain/testing';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@app/event-store';
import { EsdbProtocolFake } from '@app/event-store/testing';
import { BillingFeed, InvalidCursor, contractProblems, type BillingEvent } from '../src';

// The protocol fake keeps its log across tests: each test writes cases of its own.
let seeds = 100;
async function appendRealistic(store: EventStore, cases: number, seed = seeds++) {
  let events = 0;
  for (const append of realisticCases({ cases, seed })) {
    await store.append(append.streamId, append.events, { expectedRevision: append.expectedRevision });
    events += append.events.length;
  }
  return events;
}

async function drain(feed: BillingFeed, limit: number) {
  const all: BillingEvent[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await feed.read({ after, limit });
    pages++;
    expect(page.events.length).toBeLessThanOrEqual(limit);
    all.push(...page.events);
    after = page.next;
    if (page.caughtUp) return { all, pages, after };
  }
}

/** The same behaviour on every adapter of the event store port. */
jest.setTimeout(30_000);

function describeFeed(name: string, open: () => Promise<EventStore>) {
  describe(`the billing feed on ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('given realistic cases, when paged by cursor, then each billing event comes once, in log order, valid, per case by revision', async () => {
      await appendRealistic(store, 20);
      const whole = await drain(new BillingFeed(store), 10_000);
      const paged = await drain(new BillingFeed(store), 7);
      expect(whole.all.length).toBeGreaterThan(40);
      expect(paged.pages).toBeGreaterThan(5);
      expect(paged.all).toEqual(whole.all);
      expect(new Set(paged.all.map((e) => e.id)).size).toBe(paged.all.length);
      expect(paged.all.flatMap(contractProblems)).toEqual([]);
      const last = new Map<string, number>();
      for (const e of paged.all) {
        expect(e.source.streamRevision).toBeGreaterThanOrEqual(last.get(e.caseId) ?? -1);
        last.set(e.caseId, e.source.streamRevision);
      }
    });

    it('given a consumer at the head, when it long-polls and an event is appended meanwhile, then the poll answers with it', async () => {
      await appendRealistic(store, 2);
      const feed = new BillingFeed(store, { pollMs: 20 });
      const head = await drain(feed, 100);
      const poll = feed.read({ after: head.after, limit: 100, waitMs: 5_000 });
      await new Promise((r) => setTimeout(r, 150));
      const [handover] = realisticCases({ cases: 1, seed: seeds++ });
      await store.append(handover.streamId, handover.events, { expectedRevision: 'no_stream' });
      const started = Date.now();
      const page = await poll;
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(page.events[0]).toMatchObject({ type: 'ClaimRegistered', caseId: handover.caseId });
      expect(page.events.every((e) => e.caseId === handover.caseId)).toBe(true);
    });

    it('given nothing new, when a consumer long-polls, then it gets an empty page after the wait, with its cursor', async () => {
      await appendRealistic(store, 1);
      const feed = new BillingFeed(store, { pollMs: 20 });
      const head = await drain(feed, 100);
      const started = Date.now();
      const page = await feed.read({ after: head.after, limit: 10, waitMs: 300 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(page).toEqual({ events: [], next: head.after, caughtUp: true });
    });

    it('refuses a cursor it did not hand out', async () => {
      await expect(new BillingFeed(store).read({ after: 'yesterday', limit: 1 })).rejects.toBeInstanceOf(InvalidCursor);
    });
  });
}

describeFeed('SQLite', async () => new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 }));

describe('EventStoreDB adapter against the protocol fake', () => {
  const fake = new EsdbProtocolFake();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  describeFeed('EventStoreDB client → protocol fake', async () => new EventStoreDbEventStore(fake.connectionString));
});
