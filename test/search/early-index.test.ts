/**
 * The search index begun while the site renders (early-index.ts, index-thread.ts): whatever was
 * indexed early, the published site is byte for byte the one indexed after rendering; a wrong
 * forecast costs time, never a wrong index; a failure in the thread reaches the build with its
 * details; and no Pagefind service outlives the index.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { buildSite, formatTimings } from '../../src/cli/build.ts';
import { htmlFilesUnder } from '../../src/render/link-files.ts';
import { EarlyIndex } from '../../src/search/early-index.ts';
import { REPO_ROOT } from '../../src/search/evaluate.ts';
import { indexSite } from '../../src/search/index-site.ts';
import { readPage } from '../../src/search/searchable-pages.ts';
import { IndexThread } from '../../src/search/index-thread.ts';
import { shardSpans } from '../../src/search/shards.ts';
import { generatedSite } from '../helpers/generated-site.ts';
import { publishedShards } from '../helpers/published-shards.ts';
import { pagefindServiceProcesses } from '../helpers/pagefind-processes.ts';
import { snapshot } from '../site/support.ts';

const SHARD_PAGES = 8;

describe('search index begun while rendering', () => {
  let work: string;
  let site: string;
  /** The site's HTML pages, meeting pages newest first (the order render writes them in). */
  let pages: string[];
  let forecast: Map<number, number>;
  /** The bundle of the site indexed after rendering, as always. */
  let expected: Record<string, string>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-early-index-'));
    site = await generatedSite(work, { minutes: 40, groups: 4, seed: 3 }, { index: false });
    const files = htmlFilesUnder(site, new Set());
    const months = new Map<string, number>();
    for (const file of files) {
      const page = readPage(file, readFileSync(path.join(site, file)));
      if (page) months.set(file, page.yearMonth);
    }
    // "zapisy/<date>-…/index.html": newest first by name.
    const meetingPages = [...months.keys()].sort().reverse();
    pages = [...meetingPages, ...files.filter((file) => !months.has(file))];
    forecast = new Map();
    for (const month of months.values()) forecast.set(month, (forecast.get(month) ?? 0) + 1);
    const plain = await copyOfSite('plain');
    await indexSite(plain, { shardPages: SHARD_PAGES, client: false });
    expected = await snapshot(path.join(plain, 'pagefind'));
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function copyOfSite(name: string): Promise<string> {
    const copy = path.join(work, name);
    await cp(site, copy, { recursive: true });
    return copy;
  }

  function batches(size: number): string[][] {
    return Array.from({ length: Math.ceil(pages.length / size) }, (_, i) => pages.slice(i * size, (i + 1) * size));
  }

  /** indexSite after the pages were announced in `batches`, with the early index of `forecastUsed`. */
  async function indexedEarly(name: string, forecastUsed: Map<number, number>, announced: string[][]) {
    const dir = await copyOfSite(name);
    const early = new EarlyIndex({ forecast: forecastUsed, shardPages: SHARD_PAGES });
    try {
      for (const batch of announced) early.rendered(dir, batch);
      const result = await indexSite(dir, { shardPages: SHARD_PAGES, client: false, early });
      return { result, bundle: await snapshot(path.join(dir, 'pagefind')) };
    } finally {
      await early.close();
    }
  }

  it('publishes the same bundle with the shards the rendered pages completed indexed early', async () => {
    const { result, bundle } = await indexedEarly('early', forecast, batches(10));
    expect(result.shards.length).toBeGreaterThan(2);
    // Every shard is complete once all pages are announced: all of them began early.
    expect(result.earlyShards).toEqual(result.shards);
    expect(bundle).toEqual(expected);
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(0), { timeout: 20_000 });
  }, 300_000);

  it('indexes again, after rendering, a shard begun from a wrong forecast', async () => {
    // One page fewer in the oldest month of a shard, where that leaves the shards as they were: the
    // pages come newest first, one by one, so that shard begins one page short.
    const ids = (counts: Map<number, number>) => shardSpans(counts, SHARD_PAGES).map((shard) => shard.id);
    const wrongIn = (month: number) => new Map([...forecast, [month, forecast.get(month)! - 1]]);
    const oldestMonth = (shard: { first: number; last: number }) => Math.min(...[...forecast.keys()].filter((key) => shard.first <= key && key <= shard.last));
    const target = shardSpans(forecast, SHARD_PAGES).find((shard) => ids(wrongIn(oldestMonth(shard))).join() === ids(forecast).join());
    expect(target).toBeDefined();
    const { result, bundle } = await indexedEarly('wrong-forecast', wrongIn(oldestMonth(target!)), batches(1));
    expect(result.shards).toContain(target!.id);
    expect(result.earlyShards).not.toContain(target!.id);
    expect(result.earlyShards.length).toBe(result.shards.length - 1);
    expect(bundle).toEqual(expected);
  }, 300_000);

  it('fails in its thread with the details of the page at fault, and stops its services', async () => {
    const dir = await copyOfSite('broken');
    const broken = pages[0]!;
    const html = readFileSync(path.join(dir, broken), 'utf8');
    writeFileSync(path.join(dir, broken), html.replace(/\sdata-pagefind-sort="[^"]*"/, ''));
    const thread = new IndexThread({ forecast, shardPages: SHARD_PAGES, startPages: 1 });
    try {
      for (const batch of batches(10)) thread.rendered(dir, batch);
      expect(thread.begun).toBe(true);
      const failure = await thread.index(dir, { shardPages: SHARD_PAGES, client: false }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ name: 'SearchIndexError', message: 'Stránka zápisu nemá datum pro řazení výsledků.', details: [broken] });
    } finally {
      await thread.close();
    }
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(0), { timeout: 20_000 });
  }, 300_000);

  it('stops its services when the build ends before the index (a failed render)', async () => {
    const dir = await copyOfSite('abandoned');
    const thread = new IndexThread({ forecast, shardPages: SHARD_PAGES, startPages: 1 });
    for (const batch of batches(10)) thread.rendered(dir, batch);
    await vi.waitFor(() => expect(pagefindServiceProcesses().length).toBeGreaterThan(0), { timeout: 20_000 });
    await thread.close();
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(0), { timeout: 20_000 });
  }, 300_000);
});

describe('a build whose index begins while it renders', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-early-build-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('publishes the same site as a build that indexes after rendering', async () => {
    const archive = await generateArchive({ root: path.join(work, 'archive'), repoRoot: REPO_ROOT, minutes: 40, groups: 4, seed: 7 });
    const build = (outDir: string, earlyIndexPages: number) =>
      buildSite({ root: archive.root, outDir: path.join(work, outDir), basePath: '/', searchShardPages: SHARD_PAGES, pagesPerRun: 10, earlyIndexPages });
    const after = await build('after', Number.POSITIVE_INFINITY);
    const early = await build('early', 1);
    expect(after.ok && early.ok).toBe(true);
    if (!after.ok || !early.ok) return;
    expect(after.timings.shardsIndexedWhileRendering).toBe(0);
    expect(early.timings.shardsIndexedWhileRendering).toBeGreaterThan(0);
    expect(early.indexedPages).toBe(40);
    expect(formatTimings(early.timings)).toContain(` (během něj začal index ${early.timings.shardsIndexedWhileRendering} oddílů) · vyhledávací index`);
    expect(formatTimings(after.timings)).not.toContain('během něj');
    expect(await snapshot(path.join(work, 'early'))).toEqual(await snapshot(path.join(work, 'after')));
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(0), { timeout: 20_000 });
  }, 300_000);

  it('into the spare of an earlier build publishes what a fresh build does', async () => {
    const archive = await generateArchive({ root: path.join(work, 'edited'), repoRoot: REPO_ROOT, minutes: 40, groups: 4, seed: 11 });
    const incremental = { root: archive.root, outDir: 'site', cacheDir: '.cache', basePath: '/', searchShardPages: SHARD_PAGES, pagesPerRun: 10, earlyIndexPages: 1 };
    expect((await buildSite(incremental)).ok).toBe(true);
    // Every minute of the newest shard changes: its pages are rendered again, and complete it.
    const newest = (await publishedShards(path.join(archive.root, 'site'))).shards[0]!;
    const editNewestShard = async (sentence: string) => {
      for (let year = newest.from; year <= newest.to; year++) {
        const folder = path.join(archive.root, 'minutes', String(year));
        for (const file of await readdir(folder).catch(() => [])) {
          // Minutes are named by their date: "2021-03-15-….md".
          const month = file.slice(0, 7);
          if (newest.first <= month && month <= newest.last) await appendFile(path.join(folder, file), `\n${sentence}\n`);
        }
      }
    };
    await editNewestShard('Zápis byl doplněn.');
    expect((await buildSite(incremental)).ok).toBe(true);
    // The first build's site is the spare now, its search bundle too: the third build renders into it.
    await editNewestShard('Zápis byl doplněn podruhé.');
    const third = await buildSite(incremental);
    const fresh = await buildSite({ ...incremental, outDir: 'fresh', cacheDir: undefined, earlyIndexPages: Number.POSITIVE_INFINITY });
    expect(third.ok && fresh.ok).toBe(true);
    if (!third.ok) return;
    expect(third.timings.shardsIndexedWhileRendering).toBe(1);
    expect(await snapshot(path.join(archive.root, 'site'))).toEqual(await snapshot(path.join(archive.root, 'fresh')));
  }, 300_000);
});
