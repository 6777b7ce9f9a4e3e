import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/model/json-chunks.ts';

const keep = (_key: string, value: unknown) => value;

describe('jsonChunks', () => {
  it('joins to exactly what JSON.stringify(value, replacer, space) gives, indented or compact, at every streaming depth', () => {
    const dropSecret = (key: string, value: unknown) => (key === 'secret' ? undefined : value);
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom('a', 'secret', 'b', 'ř'), fc.jsonValue()),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(0, 2),
        (value, object, streamDepth, space) => {
          for (const replacer of [keep, dropSecret]) {
            expect([...jsonChunks(value, replacer, { streamDepth, space })].join('')).toBe(JSON.stringify(value, replacer, space));
            const nested = { object, list: [object, value] };
            expect([...jsonChunks(nested, replacer, { streamDepth, space })].join('')).toBe(JSON.stringify(nested, replacer, space));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same text with values opened below the streaming depth and values written from their text at hand', () => {
    const dropSecret = (key: string, value: unknown) => (key === 'secret' ? undefined : value);
    // Objects with a member "a" are opened; those with a member "b" come as their own JSON, as text or bytes.
    const open = (value: object) => 'a' in value;
    const raw = (value: object) => {
      if (!('b' in value)) return undefined;
      const text = JSON.stringify(value, dropSecret);
      return 'ř' in value ? Buffer.from(text) : text;
    };
    const join = (chunks: Iterable<string | Buffer>) => [...chunks].map((chunk) => chunk.toString()).join('');
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom('a', 'secret', 'b', 'ř', 'c'), fc.jsonValue()),
        fc.integer({ min: 0, max: 3 }),
        (value, object, streamDepth) => {
          const nested = { object, list: [object, value, { a: object, b: 1 }], deep: { x: { a: { b: object, c: value } } } };
          expect(join(jsonChunks(nested, dropSecret, { streamDepth, space: 0, raw, open }))).toBe(JSON.stringify(nested, dropSecret));
          expect(join(jsonChunks(nested, dropSecret, { streamDepth, space: 2, open }))).toBe(JSON.stringify(nested, dropSecret, 2));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes undefined, functions and dates the way JSON.stringify does', () => {
    const value = { a: undefined, f: () => 1, list: [undefined, () => 2, new Date(0)], when: new Date(86_400_000), nested: { empty: {}, none: [] } };
    expect([...jsonChunks(value, keep)].join('')).toBe(JSON.stringify(value, null, 2));
    expect([...jsonChunks(value, keep, { space: 0 })].join('')).toBe(JSON.stringify(value));
  });

  it('keeps a member named "__proto__", as JSON.parse gives it (found by the property above)', () => {
    const value = JSON.parse('{"list":[{"__proto__":""}],"deep":{"x":{"a":{"__proto__":1,"k":2}}}}') as object;
    for (const streamDepth of [0, 1, 2, 3]) {
      expect([...jsonChunks(value, keep, { streamDepth, space: 0, open: (v) => 'a' in v })].join('')).toBe(JSON.stringify(value));
      expect([...jsonChunks(value, keep, { streamDepth, space: 2 })].join('')).toBe(JSON.stringify(value, null, 2));
    }
  });
});
