import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toOpenData } from '../../src/model/open-data.ts';
import { buildArchiveModel } from '../../src/pipeline/build-model.ts';
import { jsonChunks } from '../../src/model/json-chunks.ts';
import { openDataJson, writeOpenData } from '../../src/render/open-data.ts';
import { REPO_ROOT } from '../../src/search/evaluate.ts';

const keep = (_key: string, value: unknown) => value;

describe('jsonChunks', () => {
  it('joins to exactly what JSON.stringify(value, replacer, 2) gives, at every streaming depth', () => {
    const dropSecret = (key: string, value: unknown) => (key === 'secret' ? undefined : value);
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom('a', 'secret', 'b', 'ř'), fc.jsonValue()),
        fc.integer({ min: 0, max: 4 }),
        (value, object, depth) => {
          for (const replacer of [keep, dropSecret]) {
            expect([...jsonChunks(value, replacer, depth)].join('')).toBe(JSON.stringify(value, replacer, 2));
            expect([...jsonChunks({ object, list: [object, value] }, replacer, depth)].join('')).toBe(JSON.stringify({ object, list: [object, value] }, replacer, 2));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes undefined, functions and dates the way JSON.stringify does', () => {
    const value = { a: undefined, f: () => 1, list: [undefined, () => 2, new Date(0)], when: new Date(86_400_000), nested: { empty: {}, none: [] } };
    expect([...jsonChunks(value, keep)].join('')).toBe(JSON.stringify(value, null, 2));
  });
});

describe('open data in pieces', () => {
  it('is the same document as one JSON.stringify of the open data, on disk too', async () => {
    const { model } = await buildArchiveModel(REPO_ROOT);
    const expected = `${JSON.stringify(toOpenData(model!), null, 2)}\n`;
    expect(openDataJson(model!)).toBe(expected);
    expect(expected).not.toContain('"html"');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kpss-open-data-'));
    try {
      await writeOpenData(model!, path.join(dir, 'archive.json'));
      expect(await readFile(path.join(dir, 'archive.json'), 'utf8')).toBe(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
