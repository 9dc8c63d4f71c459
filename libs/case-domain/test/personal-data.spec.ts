import * as fc from 'fast-check';
import { PERSONAL_FIELDS, personalPathsOf, type CaseEvent } from '../src';
import { runWalk, walk } from './walk';

/** The text a person typed in the walks' commands, or that describes the debtor. */
const PERSONAL_TEXT = new Set([
  'Kari Nordmann',
  '+4791234567',
  'kari@example.no',
  'Never ordered.',
  'Disputed',
  'The claim is documented.',
  'Send the contract.',
  'Contract',
  'Called',
  'Wrote back',
  'Disputed lines credited',
  'Credit',
  'Creditor withdrew',
  'Decided',
  'No assets',
  'The creditor upheld the objection',
]);

function withoutPersonalFields(event: CaseEvent): unknown {
  const data = JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;
  for (const path of personalPathsOf(event.type)) {
    const keys = path.split('.');
    const parent = keys
      .slice(0, -1)
      .reduce<Record<string, unknown> | undefined>((at, key) => at?.[key] as Record<string, unknown> | undefined, data);
    if (parent) delete parent[keys[keys.length - 1]];
  }
  return data;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('the personal fields of events', () => {
  it('cover every piece of text a person wrote or that names the debtor, in every event of random cases', () => {
    fc.assert(
      fc.property(walk, ({ start, steps }) => {
        for (const event of runWalk(start, steps).history) {
          const left = stringsIn(withoutPersonalFields(event)).filter((s) => PERSONAL_TEXT.has(s));
          expect({ type: event.type, left }).toEqual({ type: event.type, left: [] });
        }
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('say why each is kept', () => {
    for (const fields of Object.values(PERSONAL_FIELDS)) {
      for (const field of fields ?? []) expect(field.purpose.length).toBeGreaterThan(10);
    }
  });
});
