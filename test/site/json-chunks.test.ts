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

  it('writes undefined, functions and dates the way JSON.stringify does', () => {
    const value = { a: undefined, f: () => 1, list: [undefined, () => 2, new Date(0)], when: new Date(86_400_000), nested: { empty: {}, none: [] } };
    expect([...jsonChunks(value, keep)].join('')).toBe(JSON.stringify(value, null, 2));
    expect([...jsonChunks(value, keep, { space: 0 })].join('')).toBe(JSON.stringify(value));
  });
});
