/**
 * A build hands its model over to render, and nothing of the model may outlive the render and the
 * open data written from it: the search index runs meanwhile and afterwards, and at 10,000 minutes
 * the model and its view are hundreds of megabytes that would otherwise stay in memory next to
 * Pagefind (the peak of the cold build).
 * Eleventy keeps the last run's configuration (with the view) in its layout and compile caches;
 * render-site.ts clears them, and this test fails when anything keeps the model alive again.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildArchiveModel } from '../../src/pipeline/build-model.ts';
import { collectGarbage } from '../../src/pipeline/collect-garbage.ts';
import { Handover } from '../../src/pipeline/handover.ts';
import { renderSite } from '../../src/render/render-site.ts';
import { ROOT } from '../site/support.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kpss-release-'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The real archive's model, handed over, and a weak reference to each of its objects. */
async function handedOverModel() {
  const { model } = await buildArchiveModel(ROOT);
  expect(model).toBeDefined();
  const refs: WeakRef<object>[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    refs.push(new WeakRef(value));
    for (const child of value instanceof Map ? value.values() : Object.values(value)) visit(child);
  };
  visit(model);
  return { handover: new Handover(model!), refs, meetings: model!.meetings.length };
}

it('releases every object of a handed-over model once the open data is written, while the search index runs', { timeout: 120_000 }, async () => {
  const { handover, refs, meetings } = await handedOverModel();
  expect(meetings).toBeGreaterThan(0);
  expect(refs.length).toBeGreaterThan(100);
  const living = () => {
    collectGarbage();
    collectGarbage();
    return refs.filter((ref) => ref.deref() !== undefined).length;
  };
  let before = -1;
  let after = -1;
  await renderSite(handover, {
    outDir: path.join(work, 'site'),
    basePath: '/',
    afterRender: async (_dir, _pages, meanwhile) => {
      before = living();
      await meanwhile();
      after = living();
    },
  });
  // The open data still needs the model when the index starts; nothing of it is left afterwards.
  expect(before).toBeGreaterThan(0);
  expect(after).toBe(0);
  expect(() => handover.take()).toThrow(/already taken/);
});

it('writes the open data after the index when the index does not ask for it', { timeout: 120_000 }, async () => {
  const { handover } = await handedOverModel();
  const outDir = path.join(work, 'unasked');
  let during = true;
  await renderSite(handover, {
    outDir,
    basePath: '/',
    afterRender: async (dir) => {
      during = existsSync(path.join(dir, 'data', 'archive.json'));
    },
  });
  expect(during).toBe(false);
  expect(JSON.parse(await readFile(path.join(outDir, 'data', 'archive.json'), 'utf8')).meetings.length).toBeGreaterThan(0);
});
