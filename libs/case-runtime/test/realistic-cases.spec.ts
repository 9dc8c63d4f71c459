import { realisticCases } from '@app/case-domain/testing';
import {
  caseIdFor,
  CaseStreams,
  Clock,
  fingerprintOf,
  handleCaseCommand,
  IdempotencyStore,
  type KeyUse,
  type NewCaseEvent,
  type StoredCaseEvent,
} from '../src';

class Streams extends CaseStreams {
  readonly streams = new Map<string, StoredCaseEvent[]>();
  last: NewCaseEvent[] = [];
  async read(caseId: string) {
    return this.streams.get(caseId) ?? [];
  }
  async append(caseId: string, _expected: bigint | 'no_stream', events: NewCaseEvent[]) {
    const stream = this.streams.get(caseId) ?? [];
    for (const e of events) {
      stream.push({ event: e.event, revision: BigInt(stream.length), recordedAt: '', metadata: e.metadata });
    }
    this.streams.set(caseId, stream);
    this.last = events;
    return BigInt(stream.length - 1);
  }
}

class Keys extends IdempotencyStore {
  private readonly uses = new Map<string, KeyUse>();
  find(scope: string, key: string) {
    return this.uses.get(`${scope} ${key}`);
  }
  remember(scope: string, key: string, use: KeyUse) {
    if (!this.uses.has(`${scope} ${key}`)) this.uses.set(`${scope} ${key}`, use);
  }
}

class At extends Clock {
  at = '';
  now() {
    return this.at;
  }
}

describe('the realistic case generator (case-domain testing) writes what the command path writes', () => {
  it('given each generated command sent through the command path by its actor, then the same events with the same metadata are appended', async () => {
    const streams = new Streams();
    const clock = new At();
    const deps = { streams, clock, keys: new Keys(), keyLifetimeMs: 24 * 3_600_000 };
    let keyed = 0;
    for (const a of realisticCases({ seed: 5, cases: 40, caseIdOf: caseIdFor, fingerprintOf })) {
      clock.at = a.at;
      const metadata = a.events[0].metadata;
      const outcome = await handleCaseCommand(deps, {
        caseId: a.caseId,
        command: a.command,
        principal: { subject: a.actor.id, role: a.actor.kind, creditorId: a.actor.creditorId },
        correlationId: metadata.correlationId,
        idempotencyKey: metadata.idempotencyKey,
      });
      expect(outcome).toMatchObject({ kind: 'accepted', created: true, replayed: false });
      expect(streams.last.map((e) => ({ type: e.event.type, data: e.event.data }))).toEqual(
        a.events.map(({ type, data }) => ({ type, data })),
      );
      for (const [i, e] of streams.last.entries()) expect(e.metadata).toEqual(a.events[i].metadata);
      if (metadata.idempotencyKey) keyed += 1;
    }
    expect(keyed).toBeGreaterThan(10);
  });
});
