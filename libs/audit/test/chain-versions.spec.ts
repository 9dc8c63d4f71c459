import { realisticCases, type RealisticAppend } from '@app/case-domain/testing';
import { chained, checkChain, CHAIN_VERSION, hashOf, headHashOf, type ChainableEvent } from '@app/audit';

type Stored = { id: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

/** One realistic case's events, in order. */
function aCase(): Stored[] {
  const byCase = new Map<string, Stored[]>();
  for (const a of realisticCases({ cases: 5, seed: 3 }) as Generator<RealisticAppend>) {
    const list = byCase.get(a.caseId) ?? [];
    list.push(...(structuredClone(a.events) as Stored[]));
    byCase.set(a.caseId, list);
  }
  return [...byCase.values()].sort((a, b) => b.length - a.length)[0];
}

/** Linked in runs of `versions` (one version per run of events), then as a store hands them back: parsed from the JSON it holds. */
function storedAs(events: Stored[], versions: number[]) {
  const per = Math.ceil(events.length / versions.length);
  const linked: Stored[] = [];
  versions.forEach((v, run) => {
    const part = events.slice(run * per, (run + 1) * per);
    const head = headHashOf(linked.length ? asStored(linked)[linked.length - 1] : undefined);
    linked.push(...chained('case-v', BigInt(linked.length), head, part, v));
  });
  return asStored(linked);
}
const asStored = (events: Stored[]) =>
  events.map((e, i) => ({
    ...(JSON.parse(JSON.stringify(e)) as Stored),
    streamId: 'case-v',
    revision: BigInt(i),
    created: String(e.metadata.occurredAt),
  })) as Array<ChainableEvent & { created: string }>;

describe('chain versions: links written by an older version still verify', () => {
  const events = aCase();

  it('given events linked today, then they carry the current version and every link holds', () => {
    const stored = storedAs(events, [CHAIN_VERSION]);
    expect((stored[0].metadata.chain as { v: number }).v).toBe(2);
    expect(checkChain(stored)).toEqual({ chained: events.length, unchained: 0, firstBroken: null });
  });

  it('given a stream linked by v1 (canonical JSON) and continued by v2, then every link holds', () => {
    for (const versions of [[1], [1, 2], [2, 1, 2]]) {
      expect(checkChain(storedAs(events, versions))).toEqual({
        chained: events.length,
        unchained: 0,
        firstBroken: null,
      });
    }
  });

  it('given a v1 event whose data was altered, then its link breaks at that revision', () => {
    const stored = storedAs(events, [1, 2]);
    (stored[2].data as { at: string }).at = '2020-01-01T00:00:00.000Z';
    expect(checkChain(stored).firstBroken?.revision).toBe('2');
  });

  it('given a v2 event whose stored data keys were reordered (same values), then its link breaks: v2 hashes the bytes as stored', () => {
    const stored = storedAs(events, [2]);
    const data = stored[3].data as Record<string, unknown>;
    stored[3].data = Object.fromEntries(Object.entries(data).reverse());
    expect(Object.keys(data).length).toBeGreaterThan(1);
    expect(checkChain(stored).firstBroken?.revision).toBe('3');
  });

  it('given a link of a version no verifier knows, then it is a break, not a pass', () => {
    const stored = storedAs(events, [2]);
    (stored[1].metadata.chain as { v: number }).v = 9;
    expect(checkChain(stored).firstBroken).toEqual({
      revision: '1',
      reason: expect.stringContaining('chain version 9') as string,
    });
  });

  it('given a v2 event verified, then its stored metadata is left as it was (the link is skipped, not removed)', () => {
    const stored = storedAs(events, [2]);
    const before = JSON.stringify(stored[0].metadata);
    checkChain(stored);
    expect(JSON.stringify(stored[0].metadata)).toBe(before);
  });
});

describe('chain v2 on metadata it may not touch', () => {
  it('given a stored event whose metadata is frozen, then its link is checked all the same', () => {
    const [e] = chained('case-f', 0n, null, [{ id: 'a', type: 'T', data: { x: 1 }, metadata: { occurredAt: 'now' } }]);
    const frozen = {
      ...e,
      streamId: 'case-f',
      revision: 0n,
      created: 'now',
      metadata: Object.freeze({ ...e.metadata }),
    };
    expect(checkChain([frozen]).firstBroken).toBeNull();
    expect(checkChain([{ ...frozen, data: { x: 2 } }]).firstBroken?.revision).toBe('0');
  });
});

describe('chain v2 over the stored text (the SQLite pass hashes it as it is)', () => {
  const [e] = chained('case-t', 0n, null, [
    {
      id: 'a',
      type: 'T',
      data: { b: 'ø', a: [1, null] },
      metadata: { occurredAt: 'now', actor: { id: 'u' } } as Record<string, unknown>,
    },
  ]);
  const event = { ...e, streamId: 'case-t', revision: 0n };
  const link = e.metadata.chain as { prev: string | null; hash: string };
  const text = { data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) };

  it('given the text the store wrote, then it hashes to the link, as the parsed event does', () => {
    expect(hashOf(event, link.prev, 2, text)).toBe(link.hash);
    expect(hashOf(event, link.prev, 2)).toBe(link.hash);
  });

  it('given a stored text edited so that it parses the same (a space, keys reordered), then it no longer hashes to the link', () => {
    expect(hashOf(event, link.prev, 2, { ...text, data: text.data.replace(':', ': ') })).not.toBe(link.hash);
    expect(hashOf(event, link.prev, 2, { ...text, data: '{"a":[1,null],"b":"ø"}' })).not.toBe(link.hash);
  });

  it('given stored metadata whose link is not its last member, then the parsed metadata is hashed instead (and holds)', () => {
    const { chain, ...rest } = e.metadata;
    const moved = JSON.stringify({ chain, ...rest });
    expect(hashOf(event, link.prev, 2, { ...text, metadata: moved })).toBe(link.hash);
  });
});
