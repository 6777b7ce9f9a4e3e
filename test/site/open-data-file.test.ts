/** The streamed /data/archive.json is byte for byte openDataJson, the open data as defined. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArchiveModel } from '../../src/model/types.ts';
import { buildArchiveModel } from '../../src/pipeline/build-model.ts';
import { openDataChunks } from '../../src/model/open-data.ts';
import { openDataJson, writeOpenData } from '../../src/render/open-data.ts';
import { sampleModel } from '../fixtures/site/sample-model.ts';
import { ROOT } from './support.ts';

let work: string | undefined;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('writeOpenData', () => {
  it('writes exactly openDataJson for the sample model and the real archive', { timeout: 60_000 }, async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-open-data-'));
    const real = await buildArchiveModel(ROOT);
    for (const [name, model] of [['sample', sampleModel()], ['archive', real.model!]] as const) {
      const file = path.join(work, `${name}.json`);
      await writeOpenData(model, file);
      expect(await readFile(file, 'utf8'), name).toBe(openDataJson(model));
    }
  });

  it('matches JSON.stringify on the edges: empty and missing values, nested html, non-array values', () => {
    const odd = {
      version: 1,
      empty: [],
      missing: undefined,
      nothing: null,
      site: { title: 'T', html: '<p>', nested: { html: 'x', keep: [1, { html: 'y', text: 'z' }] } },
      meetings: [{ id: 'a', body: { markdown: 'm', text: 't', html: '<p>t</p>' }, gone: undefined }, 2, 'three', null],
      html: 'dropped at the top too',
    } as unknown as ArchiveModel;
    const withoutHtml = (key: string, value: unknown) => (key === 'html' ? undefined : value);
    expect(openDataJson(odd), 'the site file: compact').toBe(`${JSON.stringify(odd, withoutHtml)}\n`);
    expect([...openDataChunks(odd)].join(''), 'minutes extract: indented').toBe(`${JSON.stringify(odd, withoutHtml, 2)}\n`);
    expect(openDataJson({} as ArchiveModel)).toBe('{}\n');
  });
});
