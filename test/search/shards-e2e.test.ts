/**
 * Search over several index shards in real Chromium: a generated archive of 40 minutes indexed in
 * shards of at most 8 pages (and again of at most 3, which cuts some years into months). The first search loads only the newest shards it needs; older ones
 * are loaded as the member asks for more results, and the results stay newest first across shards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/render/dev-server.ts';
import { FIRST_PAGE_SIZE, PAGE_SIZE, type SearchManifest } from '../../src/search/config.ts';
import { olderLabel } from '../../src/search/client/messages.ts';
import { describeWithChromium, launchChromium } from '../helpers/browser.ts';
import { generatedSite } from '../helpers/generated-site.ts';
import { publishedShards, type PublishedShard } from '../helpers/published-shards.ts';

const MINUTES = 40;
/** "Zápis z jednání …" heads every meeting page, so every meeting matches. */
const QUERY = 'zápis';

async function published(site: string): Promise<{ shards: PublishedShard[]; filters: SearchManifest['filters'] }> {
  const { manifest, shards } = await publishedShards(site);
  return { shards, filters: manifest.filters };
}

describeWithChromium('search over index shards in Chromium', () => {
  let work: string;
  let server: RunningServer;
  let browser: Browser;
  let manifest: { shards: PublishedShard[]; filters: SearchManifest['filters'] };
  /** The same archive in shards of at most 3 pages: a year with more is cut into months. */
  let busyServer: RunningServer;
  let busy: { shards: PublishedShard[]; filters: SearchManifest['filters'] };

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-shards-e2e-'));
    const site = await generatedSite(work, { minutes: MINUTES, groups: 4, seed: 3 }, { searchShardPages: 8 });
    manifest = await published(site);
    server = await startServer({ root: site, basePath: '/', liveReload: false });
    const busySite = await generatedSite(path.join(work, 'busy'), { minutes: MINUTES, groups: 4, seed: 3 }, { searchShardPages: 3 });
    busy = await published(busySite);
    busyServer = await startServer({ root: busySite, basePath: '/', liveReload: false });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await busyServer?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A page that records the shards it fetched and any error. */
  async function open(params: Record<string, string>, at: RunningServer = server): Promise<{ page: Page; shards: Set<string>; problems: string[] }> {
    const page = await browser.newPage();
    const shards = new Set<string>();
    const problems: string[] = [];
    page.on('request', (request) => {
      const shard = /\/pagefind\/([^/]+)\//.exec(new URL(request.url()).pathname)?.[1];
      if (shard) shards.add(shard);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${at.url}hledat/?${new URLSearchParams(params).toString()}`);
    await waitForSearch(page, 0);
    return { page, shards, problems };
  }

  async function waitForSearch(page: Page, shown: number): Promise<void> {
    await page.waitForFunction(
      (before) => {
        const done = document.querySelector<HTMLElement>('[data-search-root]')?.dataset['searchDone'];
        const count = document.querySelectorAll('[data-search-results] > li').length;
        return done !== undefined && done !== '0' && count > before && document.querySelector('[data-search-results]')?.getAttribute('aria-busy') !== 'true';
      },
      shown,
      { timeout: 20_000 },
    );
  }

  /** The dates of the results shown, from their URLs (/zapisy/2021-10-25-…/). */
  const shownDates = (page: Page) =>
    page.$$eval('[data-search-results] .search-result__title a', (links) => links.map((a) => /\/zapisy\/(\d{4}-\d{2}-\d{2})/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''));

  /** The newest shards whose pages together fill the first page of results. */
  function shardsForFirstPage(): string[] {
    const needed: string[] = [];
    let pages = 0;
    for (const shard of manifest.shards) {
      if (pages >= FIRST_PAGE_SIZE) break;
      needed.push(shard.id);
      pages += shard.pages;
    }
    return needed;
  }

  it('loads only the newest shards for the first results, then older ones as more are asked for, newest first throughout', async () => {
    expect(manifest.shards.length).toBeGreaterThan(3);
    const { page, shards, problems } = await open({ q: QUERY });
    expect((await shownDates(page)).length).toBe(FIRST_PAGE_SIZE);
    expect([...shards].sort()).toEqual(shardsForFirstPage().sort());
    const oldest = manifest.shards.at(-1)!;
    expect(await page.locator('[data-search-status]').innerText()).toContain(`Zápisy z let ${manifest.shards.at(-1)!.from}`);
    expect(await page.locator('[data-search-more]').innerText()).toContain('prohledat i zápisy z let');

    for (let shown = FIRST_PAGE_SIZE; shown < MINUTES; shown += PAGE_SIZE) {
      await page.locator('[data-search-more]').click();
      await waitForSearch(page, shown);
    }
    const dates = await shownDates(page);
    expect(dates).toHaveLength(MINUTES);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(shards.has(oldest.id)).toBe(true);
    expect(await page.locator('[data-search-status]').innerText()).toBe(`Nalezeno ${MINUTES} zápisů pro „${QUERY}“, od nejnovějšího.`);
    expect(await page.locator('[data-search-more]').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('goes straight to the shard of the year filter, skipping the shards between', async () => {
    const oldest = manifest.shards.at(-1)!;
    const { page, shards, problems } = await open({ q: QUERY, rok: String(oldest.from) });
    const dates = await shownDates(page);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date.startsWith(String(oldest.from))).toBe(true);
    expect([...shards].sort()).toEqual([manifest.shards[0]!.id, oldest.id].sort());
    expect(await page.locator('[data-search-status]').innerText()).not.toContain('prohledáme');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists every year, group and organization in the filters before any older shard is loaded', async () => {
    const { page, shards } = await open({ q: QUERY });
    const years = await page.$$eval('select[data-search-filter="rok"] option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(years.sort()).toEqual([...manifest.filters['rok']!].sort());
    expect(years).toContain(String(manifest.shards.at(-1)!.from));
    expect(shards.has(manifest.shards.at(-1)!.id)).toBe(false);
    await page.close();
  }, 60_000);

  it('searches a year cut into months: its filter loads just its shards, and the button names the months left', async () => {
    const monthShards = busy.shards.filter((s) => !(s.first.endsWith('-01') && s.last.endsWith('-12')));
    const year = monthShards.map((s) => s.from).find((y) => monthShards.filter((s) => s.from === y).length >= 2);
    expect(year).toBeDefined();
    const ofYear = busy.shards.filter((s) => s.from <= year! && year! <= s.to);
    expect(ofYear.every((s) => s.from === year && s.to === year)).toBe(true);

    const filtered = await open({ q: QUERY, rok: String(year) }, busyServer);
    const dates = await shownDates(filtered.page);
    expect(dates).toHaveLength(ofYear.reduce((sum, s) => sum + s.pages, 0));
    for (const date of dates) expect(date.startsWith(String(year))).toBe(true);
    expect([...filtered.shards].sort()).toEqual([...new Set([busy.shards[0]!.id, ...ofYear.map((s) => s.id)])].sort());
    expect(filtered.problems).toEqual([]);
    await filtered.page.close();

    // Paging through every result: the button always names what the shards not searched yet hold.
    const { page, shards, problems } = await open({ q: QUERY }, busyServer);
    const labels: string[] = [];
    for (let shown = FIRST_PAGE_SIZE; shown < MINUTES; shown += PAGE_SIZE) {
      const label = await page.locator('[data-search-more]').innerText();
      const next = busy.shards[shards.size];
      if (next) expect(label).toBe(olderLabel({ first: busy.shards.at(-1)!.first, last: next.last }));
      labels.push(label);
      await page.locator('[data-search-more]').click();
      await waitForSearch(page, shown);
    }
    expect(labels.some((label) => / od \p{Ll}+ \d{4} do \p{Ll}+ \d{4}\)$/u.test(label))).toBe(true);
    expect(await shownDates(page)).toHaveLength(MINUTES);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
