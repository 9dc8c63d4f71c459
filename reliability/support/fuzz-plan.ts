import fc from 'fast-check';

/**
 * A fuzzed request as fast-check draws it: a plan of choices, resolved against the live app
 * (its routes, cases, revisions and cursors) only when it is sent, so one fixed seed gives one
 * fixed sequence of plans.
 */
export interface Plan {
  route: number;
  /** A clean envelope (a valid token, JSON, no stale If-Match): the body reaches validation and the domain. */
  clean: boolean;
  auth: 'caseworker' | 'creditorA' | 'creditorB' | 'auditor' | 'billing' | 'none' | 'garbage' | 'wrongSecret' | 'basic';
  caseRef:
    | { kind: 'seeded'; index: number }
    | { kind: 'foreign'; index: number }
    | { kind: 'fuzzed'; index: number }
    | { kind: 'uuid'; value: string }
    | { kind: 'raw'; value: string };
  queueName: { known: boolean; index: number; raw: string };
  query: Array<[string, string]>;
  ifMatch: { kind: 'none' | 'current' | 'stale' | 'star' | 'raw'; raw: string };
  idempotencyKey: { kind: 'none' | 'pool' | 'raw'; raw: string; pool: number };
  correlationId: string | null;
  contentType: string | null;
  contentEncoding: string | null;
  body:
    | { kind: 'valid' }
    | { kind: 'mutated'; mutations: Mutation[] }
    | { kind: 'json'; value: unknown }
    | { kind: 'raw'; text: string }
    | { kind: 'proto'; key: string }
    | { kind: 'none' }
    | { kind: 'huge'; size: number }
    | { kind: 'deep'; depth: number };
}

export interface Mutation {
  op: 'delete' | 'set' | 'add' | 'wrap';
  field: number;
  value: unknown;
  valueFrom: 'schema' | 'edge' | 'random';
  key: string;
}

/** Values that break naive code: wrong types, limits, odd dates and strings. */
export const EDGE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  -0.0001,
  2 ** 31,
  2 ** 53,
  1e21,
  -1e308,
  100_000_000_001,
  '',
  ' ',
  '0',
  '-1',
  'NaN',
  'Infinity',
  'null',
  'x'.repeat(5001),
  '\u0000',
  '\ud83d',
  '😀 æøå ÆØÅ',
  '<script>alert(1)</script>',
  "'; DROP TABLE es_events; --",
  '2025-02-30',
  '2025-13-01',
  '0000-01-01',
  '1900-01-01',
  '1970-01-01',
  '2013-12-31',
  '2014-01-01',
  '2025-03-03',
  '2030-12-31',
  '2999-12-31',
  '9999-12-31',
  '2025-03-03T25:00:00Z',
  '2025-03-03T09:00:00.000Z',
  '+275760-09-13',
  [],
  [null],
  ['L1', 'L1'],
  ['L9'],
  {},
  { $ne: 1 },
  [{ lineId: 'L1', amount: 1 }],
  [
    { lineId: 'L1', amount: 1 },
    { lineId: 'L1', amount: 1 },
  ],
  [{ lineId: 'L2', amount: 100_000_000 }],
];

const headerSafe = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), headerSafe);

const QUERY_KEYS = [
  'limit',
  'cursor',
  'status',
  'creditorId',
  'disputeCode',
  'sort',
  'days',
  'offset',
  'limit[]',
  '__proto__',
];
const QUERY_VALUES = fc.oneof(
  fc.constantFrom('1', '2', '50', '200', '201', '500', '501', '0', '-1', '1.5', '1e3', 'abc', '', ' ', '%00', 'true'),
  fc.constantFrom('open', 'closed', 'dispute.assessing', 'lastChanged', 'dueAt', 'outstanding', 'overdueFirst'),
  fc.constantFrom('creditor-a', 'creditor-b', 'LAST_CURSOR', 'eyJyIjoxfQ', 'eyJyZXZpc2lvbiI6MCwiY2FzZUlkIjoiIn0'),
  headerSafe,
);

export function planArbitrary(routeCount: number): fc.Arbitrary<Plan> {
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    op: fc.constantFrom('delete', 'set', 'set', 'set', 'add', 'wrap'),
    field: fc.nat(),
    value: fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.jsonValue({ maxDepth: 2 })),
    valueFrom: fc.constantFrom('schema', 'edge', 'edge', 'random'),
    key: fc.constantFrom('extra', 'caseId', 'creditorId', 'revision', 'constructor', 'type', 'events', 'actor'),
  });
  return fc.record({
    route: fc.nat({ max: routeCount - 1 }),
    clean: fc.boolean(),
    auth: fc.oneof(
      { weight: 50, arbitrary: fc.constant('caseworker' as const) },
      { weight: 10, arbitrary: fc.constant('creditorA' as const) },
      { weight: 8, arbitrary: fc.constant('creditorB' as const) },
      { weight: 6, arbitrary: fc.constant('auditor' as const) },
      { weight: 6, arbitrary: fc.constant('billing' as const) },
      {
        weight: 20,
        arbitrary: fc.constantFrom('none' as const, 'garbage' as const, 'wrongSecret' as const, 'basic' as const),
      },
    ),
    caseRef: fc.oneof(
      { weight: 35, arbitrary: fc.record({ kind: fc.constant('seeded' as const), index: fc.nat() }) },
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('foreign' as const), index: fc.nat() }) },
      { weight: 20, arbitrary: fc.record({ kind: fc.constant('fuzzed' as const), index: fc.nat() }) },
      { weight: 15, arbitrary: fc.record({ kind: fc.constant('uuid' as const), value: fc.uuid() }) },
      {
        weight: 12,
        arbitrary: fc.record({
          kind: fc.constant('raw' as const),
          value: fc.oneof(
            anyString,
            fc.constantFrom('..', '%2e%2e', '%00', 'null', 'undefined', '0', '00000000-0000-0000-0000-000000000000'),
            fc.constantFrom('FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', 'x'.repeat(3000), '%F0%9F%98%80', '%ZZ'),
          ),
        }),
      },
    ),
    queueName: fc.record({ known: fc.boolean(), index: fc.nat(), raw: anyString }),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), headerSafe), QUERY_VALUES), { maxLength: 4 }),
    ifMatch: fc.oneof(
      { weight: 50, arbitrary: fc.record({ kind: fc.constant('none' as const), raw: fc.constant('') }) },
      { weight: 15, arbitrary: fc.record({ kind: fc.constant('current' as const), raw: fc.constant('') }) },
      { weight: 10, arbitrary: fc.record({ kind: fc.constant('stale' as const), raw: fc.constant('') }) },
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('star' as const), raw: fc.constant('*') }) },
      {
        weight: 20,
        arbitrary: fc.record({
          kind: fc.constant('raw' as const),
          raw: fc.oneof(
            headerSafe,
            fc.constantFrom('W/"-1"', '"99999999999999999999"', '9223372036854775807', 'W/"1", W/"2"', 'W/', '""', '0'),
          ),
        }),
      },
    ),
    idempotencyKey: fc.oneof(
      {
        weight: 50,
        arbitrary: fc.record({ kind: fc.constant('none' as const), raw: fc.constant(''), pool: fc.nat() }),
      },
      {
        weight: 30,
        arbitrary: fc.record({ kind: fc.constant('pool' as const), raw: fc.constant(''), pool: fc.nat(7) }),
      },
      {
        weight: 20,
        arbitrary: fc.record({
          kind: fc.constant('raw' as const),
          raw: fc.oneof(headerSafe, fc.constant('k'.repeat(201)), fc.constant(' ')),
          pool: fc.nat(),
        }),
      },
    ),
    correlationId: fc.oneof(
      { weight: 60, arbitrary: fc.constant(null) },
      { weight: 40, arbitrary: fc.oneof(headerSafe, fc.constant('c'.repeat(8000)), fc.uuid()) },
    ),
    contentType: fc.oneof(
      { weight: 85, arbitrary: fc.constant('application/json') },
      {
        weight: 15,
        arbitrary: fc.constantFrom(
          null,
          'text/plain',
          'application/problem+json',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'multipart/form-data; boundary=x',
        ),
      },
    ),
    contentEncoding: fc.oneof(
      { weight: 92, arbitrary: fc.constant(null) },
      { weight: 8, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip', 'GZIP') },
    ),
    body: fc.oneof(
      { weight: 30, arbitrary: fc.constant({ kind: 'valid' as const }) },
      {
        weight: 40,
        arbitrary: fc.record({
          kind: fc.constant('mutated' as const),
          mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
        }),
      },
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 4 }) }) },
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant('raw' as const),
          text: fc.oneof(
            fc.string({ maxLength: 80 }),
            fc.constantFrom(
              '{',
              '{"a":',
              '[1,2',
              '{"amount":1,}',
              "{'a':1}",
              'null',
              '"text"',
              '42',
              'true',
              '{"a":1}{"b":2}',
            ),
            fc.constantFrom(
              '{"amount":1e999999}',
              '{"amount":-0}',
              '\ufeff{}',
              '{"a":"\\ud800"}',
              '%7B%7D',
              '{"a":NaN}',
            ),
          ),
        }),
      },
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('proto' as const),
          key: fc.constantFrom(
            '__proto__',
            'constructor',
            'prototype',
            '__defineGetter__',
            'toString',
            'hasOwnProperty',
          ),
        }),
      },
      { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('huge' as const), size: fc.integer({ min: 60_000, max: 200_000 }) }),
      },
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 5, max: 5000 }) }),
      },
    ),
  });
}
