import * as domainTesting from '@app/case-domain/testing';
import { caseHistory } from '@app/case-domain/testing';
import { newEventId, SqliteEventStore, type EventData } from '@app/event-store';
import { caseIdFor, EVENT_SCHEMA_VERSION } from '@app/case-runtime';

/** One command's append, as the realistic generator of `@app/case-domain/testing` yields them. */
interface Append {
  streamId: string;
  expectedRevision: 'no_stream' | bigint;
  events: EventData[];
}
type Realistic = (options: {
  events: number;
  seed?: number;
  schemaVersion?: number;
  caseIdOf?: (creditorId: string, reference: string) => string;
}) => Iterable<Append>;

/**
 * Fills an embedded store with about `total` events of interleaved cases of varied length.
 * The realistic generator (`realisticCases` in `@app/case-domain/testing`: cases decided by the
 * machine, timers fired, the command path's metadata) is used when the library has it; until
 * then, a simpler one: the realistic template history cut at varied lengths, cases interleaved.
 */
export async function generateStore(
  file: string,
  total: number,
  seed = 1,
): Promise<{ events: number; source: string }> {
  const store = new SqliteEventStore({ file });
  const realistic = (domainTesting as unknown as { realisticCases?: Realistic }).realisticCases;
  const appends = realistic
    ? realistic({ events: total, seed, schemaVersion: EVENT_SCHEMA_VERSION, caseIdOf: caseIdFor })
    : templateCases(total, seed);
  let events = 0;
  try {
    for (const a of appends) {
      await store.append(a.streamId, a.events, { expectedRevision: a.expectedRevision });
      events += a.events.length;
    }
  } finally {
    await store.close();
  }
  return { events, source: realistic ? 'realisticCases (@app/case-domain/testing)' : 'template histories cut short' };
}

/** A small deterministic PRNG (mulberry32): the same store from the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 300 cases open at once; each step appends the next one to three events of one of them. */
function* templateCases(total: number, seed: number): Generator<Append> {
  const template = JSON.stringify(caseHistory());
  const length = JSON.parse(template).length as number;
  const next = random(seed);
  const metadata = { actor: { kind: 'caseworker', id: 'bench' }, schemaVersion: EVENT_SCHEMA_VERSION };
  let opened = 0;
  const open = () => {
    const caseId = caseIdFor('creditor-bench', `GEN-${opened++}`);
    const events = JSON.parse(template.replaceAll('template', caseId)) as Array<{ type: string; data: unknown }>;
    return { caseId, events: events.slice(0, 3 + Math.floor(next() * (length - 2))), written: 0 };
  };
  const live = Array.from({ length: 300 }, open);
  for (let emitted = 0; emitted < total;) {
    const slot = Math.floor(next() * live.length);
    const c = live[slot];
    const chunk = c.events.slice(c.written, c.written + 1 + Math.floor(next() * 3));
    yield {
      streamId: `case-${c.caseId}`,
      expectedRevision: c.written === 0 ? 'no_stream' : BigInt(c.written - 1),
      events: chunk.map((e) => ({ id: newEventId(), type: e.type, data: e.data, metadata })),
    };
    c.written += chunk.length;
    emitted += chunk.length;
    if (c.written >= c.events.length) live[slot] = open();
  }
}
