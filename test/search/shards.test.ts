/**
 * The search index in shards: how pages are cut into shards of whole years (or months of a busy year), and that a shard whose
 * pages did not change is copied from the previous site byte for byte instead of being re-indexed.
 */
import { cp, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, SHARD_RECORD_FILE, type SearchManifest, type ShardRecord } from '../../src/search/config.ts';
import { publishedShards } from '../helpers/published-shards.ts';
import { indexSite } from '../../src/search/index-site.ts';
import { filesUnder, linkFiles } from '../../src/render/link-files.ts';
import { planShards, yearMonth } from '../../src/search/shards.ts';
import { generatedSite } from '../helpers/generated-site.ts';
import { snapshot } from '../site/support.ts';

/** `counts` pages in each year ("2001") or month ("2001-03"); a year's pages all fall in June. */
const pages = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([period, n]) =>
    Array.from({ length: n }, (_, i) => ({
      url: `/zapisy/${period}-${String(i).padStart(3, '0')}/`,
      yearMonth: yearMonth(Number(period.slice(0, 4)), period.length > 4 ? Number(period.slice(5)) : 6),
    })),
  );
const spansOf = (shards: ReturnType<typeof planShards>) => shards.map((s) => [s.id, s.from, s.to, s.first, s.last, s.pages.length]);

describe('planShards', () => {
  it('cuts consecutive whole years from the oldest, never past the limit, and lists the newest first', () => {
    expect(spansOf(planShards(pages({ 2001: 3, 2002: 4, 2003: 2, 2005: 5, 2006: 1 }), 7))).toEqual([
      ['2006', 2006, 2006, 200601, 200612, 1],
      ['2003-2005', 2003, 2005, 200301, 200512, 7],
      ['2001-2002', 2001, 2002, 200101, 200212, 7],
    ]);
  });

  it('cuts a year larger than the limit into consecutive whole months, never joined with another year', () => {
    const shards = planShards(pages({ 2010: 2, '2011-01': 4, '2011-02': 5, '2011-05': 2, '2011-11': 3, '2011-12': 12, 2012: 2, 2013: 2 }), 10);
    expect(spansOf(shards)).toEqual([
      ['2012-2013', 2012, 2013, 201201, 201312, 4],
      ['2011-12', 2011, 2011, 201112, 201112, 12],
      ['2011-05-2011-11', 2011, 2011, 201105, 201111, 5],
      ['2011-01-2011-02', 2011, 2011, 201101, 201102, 9],
      ['2010', 2010, 2010, 201001, 201012, 2],
    ]);
    // Every page in exactly one shard, each shard's pages within its months.
    expect(shards.flatMap((s) => s.pages).length).toBe(32);
    for (const shard of shards) for (const page of shard.pages) expect(shard.first <= page.yearMonth && page.yearMonth <= shard.last).toBe(true);
  });

  it('keeps the older shards when minutes are added to the newest year', () => {
    const before = planShards(pages({ 2001: 4, 2002: 4, 2003: 4, 2004: 1 }), 8);
    const after = planShards(pages({ 2001: 4, 2002: 4, 2003: 4, 2004: 5 }), 8);
    expect(before.map((s) => s.id)).toEqual(['2003-2004', '2001-2002']);
    expect(after.map((s) => s.id)).toEqual(['2004', '2003', '2001-2002']);
    expect(after.at(-1)).toEqual(before.at(-1));
    // The newest year outgrows a shard: only its own shards change.
    const busy = planShards(pages({ 2001: 4, 2002: 4, 2003: 4, '2004-01': 5, '2004-02': 5 }), 8);
    expect(busy.map((s) => s.id)).toEqual(['2004-02', '2004-01', '2003', '2001-2002']);
    expect(busy.slice(2)).toEqual(after.slice(1));
  });

  it('puts everything in one shard when the limit is infinite, and nothing in none', () => {
    expect(planShards(pages({ 2001: 3, 2020: 3 }), Number.POSITIVE_INFINITY).map((s) => s.id)).toEqual(['2001-2020']);
    expect(planShards([], 10)).toEqual([]);
  });
});

describe('indexSite in shards', () => {
  let work: string;
  let site: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-shards-'));
    site = await generatedSite(work, { minutes: 40, groups: 4, seed: 7 }, { searchShardPages: 8 });
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The published manifest, each shard with what the build record says of it. */
  const manifestOf = async (dir: string) => {
    const { manifest, shards } = await publishedShards(dir);
    return { ...manifest, shards };
  };

  it('writes a manifest of several shards, newest first, with every filter value', async () => {
    const manifest = await manifestOf(site);
    expect(manifest.shards.length).toBeGreaterThan(2);
    expect(manifest.shards.reduce((sum, s) => sum + s.pages, 0)).toBe(40);
    for (const [newer, older] of manifest.shards.slice(0, -1).map((s, i) => [s, manifest.shards[i + 1]!] as const)) expect(older.to).toBeLessThan(newer.from);
    for (const shard of manifest.shards) expect((await readdir(path.join(site, 'pagefind', shard.path))).some((f) => f.endsWith('.pf_meta'))).toBe(true);
    expect(manifest.filters['rok']!.length).toBeGreaterThan(5);
    expect(manifest.filters['skupina']).toHaveLength(4);
    expect(Object.keys(manifest.filters)).toEqual(['organizace', 'rok', 'skupina']);
  });

  it('gives the browser only what it reads of each shard; sizes and hashes stay in the build record', async () => {
    const sent = JSON.parse(await readFile(path.join(site, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest;
    for (const shard of sent.shards) expect(Object.keys(shard)).toEqual(['id', 'first', 'last']);
    const record = JSON.parse(await readFile(path.join(site, 'pagefind', SHARD_RECORD_FILE), 'utf8')) as ShardRecord;
    expect(record.shards.map((s) => Object.keys(s))).toEqual(sent.shards.map(() => ['id', 'pages', 'hash']));
  });

  it('publishes lean bundles: Pagefind minified, fragments without anchors or the lists read out of the text', async () => {
    const manifest = await manifestOf(site);
    for (const shard of manifest.shards) expect(shard.hash).toMatch(/^[0-9a-f]{20}$/);
    const bundle = path.join(site, 'pagefind', manifest.shards[0]!.path);
    // Pagefind 1.6 writes a pagefind.js of 47 kB; esbuild's minification takes it to 32 kB.
    expect((await readFile(path.join(bundle, 'pagefind.js'))).length).toBeLessThan(36_000);
    const fragments = await Promise.all(
      (await readdir(path.join(bundle, 'fragment'))).map(async (name) => {
        const text = gunzipSync(await readFile(path.join(bundle, 'fragment', name))).toString('utf8');
        return JSON.parse(text.slice(text.indexOf('{'))) as { content: string; anchors: unknown[] };
      }),
    );
    expect(fragments.length).toBeGreaterThan(0);
    for (const fragment of fragments) {
      expect(fragment.anchors).toEqual([]);
      expect(fragment.content).not.toMatch(/Odpovídá:|Ohlášená další jednání/);
    }
    // The tasks themselves stay searchable: they stand in the text of the minutes.
    expect(fragments.some((f) => /@\p{Lu}/u.test(f.content))).toBe(true);
  });

  it('re-indexes only the shard of a changed page and copies the others; the result equals a fresh index', async () => {
    const manifest = await manifestOf(site);
    const oldest = manifest.shards.at(-1)!;
    const next = path.join(work, 'next');
    await cp(site, next, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
    const page = (await readdir(path.join(next, 'zapisy'))).find((d) => Number(d.slice(0, 4)) === oldest.from)!;
    const file = path.join(next, 'zapisy', page, 'index.html');
    await writeFile(file, (await readFile(file, 'utf8')).replace('</article>', '<p>Doplněno: nové slovo kvasnice.</p></article>'));

    const warm = await indexSite(next, { previousSite: site, shardPages: 8, client: false });
    expect(warm.reusedShards).toEqual(manifest.shards.slice(0, -1).map((s) => s.id));
    expect((await manifestOf(next)).shards.at(-1)!.hash).not.toBe(oldest.hash);

    const fresh = path.join(work, 'fresh');
    await cp(next, fresh, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
    const cold = await indexSite(fresh, { shardPages: 8, client: false });
    expect(cold.reusedShards).toEqual([]);
    expect(await snapshot(path.join(next, 'pagefind'))).toEqual(await snapshot(path.join(fresh, 'pagefind')));
  }, 300_000);

  it('remembers each page by its stat in the cache folder: linked pages are taken from there, a rewritten one is read', async () => {
    const cacheDir = path.join(work, 'cache');
    const manifest = await manifestOf(site);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const linkedCopy = async (name: string) => {
      const dir = path.join(work, name);
      const files = (await filesUnder(site)).filter((file) => !file.startsWith('pagefind'));
      await linkFiles(files, site, dir);
      for (const file of files) await utimes(path.join(dir, file), hourAgo, hourAgo);
      return dir;
    };
    const first = await linkedCopy('linked-1');
    await indexSite(first, { previousSite: site, shardPages: 8, client: false, cacheDir });
    const remembered = (await readdir(cacheDir)).filter((f) => f.startsWith('search-pages-'));
    expect(remembered).toHaveLength(1);

    const second = await linkedCopy('linked-2');
    const newest = manifest.shards[0]!;
    const page = (await readdir(path.join(second, 'zapisy'))).find((d) => Number(d.slice(0, 4)) === newest.to)!;
    const file = path.join(second, 'zapisy', page, 'index.html');
    const html = (await readFile(file, 'utf8')).replace('</article>', '<p>Doplněno: nové slovo droždí.</p></article>');
    // A new file, as render writes it: the link to the published page is replaced, not written through.
    await rm(file);
    await writeFile(file, html);
    const warm = await indexSite(second, { previousSite: site, shardPages: 8, client: false, cacheDir });
    expect(warm.reusedShards).toEqual(manifest.shards.slice(1).map((s) => s.id));

    const fresh = path.join(work, 'fresh-2');
    await cp(second, fresh, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
    await indexSite(fresh, { shardPages: 8, client: false });
    expect(await snapshot(path.join(second, 'pagefind'))).toEqual(await snapshot(path.join(fresh, 'pagefind')));
    expect(await readFile(path.join(site, 'zapisy', page, 'index.html'), 'utf8'), 'the published page is untouched').not.toContain('droždí');
  }, 300_000);
});
