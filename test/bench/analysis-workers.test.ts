/**
 * Analysis across worker threads gives what analysis in one thread gives: the same diagnostics in
 * the same order, the same minutes, extracted data, HTML and model, with and without the cache.
 * Workers are forced (threads: 3) so a small archive is enough.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { REPO_ROOT } from '../../src/bench/run.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { analyzeArchive, type AnalyzedArchive } from '../../src/pipeline/analyze-archive.ts';
import { cacheEntries } from '../helpers/cache-packs.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));

let work: string;
let root: string;

/** Everything an archive's analysis gives, as plain data. */
function essence(archive: AnalyzedArchive) {
  return {
    diagnostics: archive.diagnostics,
    minutes: archive.analyzed.map(({ minute: m }) => ({ id: m.id, path: m.parsed.source.path, frontmatter: m.frontmatter, yaml: m.placement.text })),
    analyzed: JSON.parse(JSON.stringify(archive.analyzed.map(({ extracted, body }) => ({ extracted, body })))),
    model: buildModel({ config: archive.registers.config!, registers: archive.registers, analyzed: archive.analyzed }),
  };
}

describe('analysis in worker threads', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-workers-'));
    root = path.join(work, 'archive');
    await generateArchive({ root, minutes: 16, groups: 4, repoRoot: REPO_ROOT });
    // Files with problems of every stage (read, YAML, schema, archive rules, extraction), so the
    // diagnostics and their order are compared too, and a duplicate meeting across files.
    await mkdir(path.join(root, 'minutes', '2021'), { recursive: true });
    for (const name of ['binary-nul', 'yaml-unclosed-quote', 'yaml-duplicate-key', 'body-invalid-task-due', 'bom-crlf-privacy', 'body-next-meetings-missing', 'date-impossible']) {
      await cp(path.join(BROKEN, `${name}.md`), path.join(root, 'minutes', '2021', `2021-10-25-${name}.md`));
    }
    await writeFile(path.join(root, 'minutes', '2021', '2021-10-25-cizinci.md'), '---\ntitle: x\ndate: 2021-10-25\n---\n\nText.\n');
  }, 120_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('gives the diagnostics, minutes, extracted data and model of the in-process analysis', async () => {
    const inProcess = essence(await analyzeArchive(root, undefined, { threads: 1 }));
    const inWorkers = essence(await analyzeArchive(root, undefined, { threads: 3 }));
    expect(inProcess.diagnostics.length).toBeGreaterThan(5);
    expect(inProcess.minutes.length).toBeGreaterThan(10);
    expect(inWorkers).toEqual(inProcess);
  }, 120_000);

  it('writes cache entries a later run reads back to the same result', async () => {
    const cacheDir = path.join(work, 'cache');
    const inProcess = essence(await analyzeArchive(root, undefined, { threads: 1 }));
    const cold = essence(await analyzeArchive(root, undefined, { threads: 3, cacheDir, needBodies: true }));
    // The threads of one build share its run, so each takes the others' entries as written (PackStore).
    const packs = (await readdir(path.join(cacheDir, 'packs'))).filter((name) => name.endsWith('.pack')).map((name) => name.split('-'));
    expect(new Set(packs.map(([, , thread]) => thread)).size, 'packs of several threads').toBeGreaterThan(1);
    expect(new Set(packs.map(([, , , run]) => run)).size).toBe(1);
    const warm = essence(await analyzeArchive(root, undefined, { threads: 3, cacheDir, needBodies: true }));
    const warmValidate = await analyzeArchive(root, undefined, { threads: 3, cacheDir });
    expect(cold).toEqual(inProcess);
    expect(warm).toEqual(inProcess);
    expect(warmValidate.diagnostics).toEqual(inProcess.diagnostics);
    expect(JSON.parse(JSON.stringify(warmValidate.analyzed.map(({ extracted, body }) => ({ extracted, body }))))).toEqual(inProcess.analyzed);
  }, 120_000);

  it('has a check store summaries only, and a build after it make the bodies to the same result', async () => {
    const cacheDir = path.join(work, 'check-cache');
    const inProcess = essence(await analyzeArchive(root, undefined, { threads: 1 }));
    const check = await analyzeArchive(root, undefined, { threads: 3, cacheDir, diagnosticsOnly: true });
    expect(check.diagnostics).toEqual(inProcess.diagnostics);
    const extensions = () => [...cacheEntries(cacheDir).keys()].map((name) => path.extname(name));
    const files = (await readdir(path.join(root, 'minutes'), { recursive: true })).filter((name) => name.endsWith('.md')).length;
    expect(extensions().filter((ext) => ext === '.s')).toHaveLength(files);
    expect(extensions().filter((ext) => ext !== '.s')).toEqual([]);
    expect(essence(await analyzeArchive(root, undefined, { threads: 3, cacheDir, needBodies: true }))).toEqual(inProcess);
    const minutes = inProcess.minutes.length;
    expect(extensions().filter((ext) => ext === '.b')).toHaveLength(minutes);
    expect(extensions().filter((ext) => ext === '.t')).toHaveLength(minutes);
    expect((await analyzeArchive(root, undefined, { threads: 3, cacheDir, diagnosticsOnly: true })).diagnostics).toEqual(inProcess.diagnostics);
  }, 120_000);
});
