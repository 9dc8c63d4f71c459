import { jsonDepth, MAX_JSON_DEPTH, refuseDeepJson } from './json-depth';

describe('the depth of a JSON body, before it is parsed', () => {
  it('counts objects and arrays, and nothing inside strings', () => {
    expect(jsonDepth(Buffer.from('{"a":[1,{"b":2}]}'))).toBe(3);
    expect(jsonDepth(Buffer.from('{"text":"[[[[{{{{ \\" ]]"}'))).toBe(1);
    expect(jsonDepth(Buffer.from('42'))).toBe(0);
  });

  it('refuses 3,000 levels, as an attacker would send, and takes the deepest body the API needs', () => {
    const deep = Buffer.from('['.repeat(3000) + ']'.repeat(3000));
    expect(() => refuseDeepJson(deep)).toThrow(/deeper than/);
    const fine = Buffer.from('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH));
    expect(() => refuseDeepJson(fine)).not.toThrow();
  });
});
