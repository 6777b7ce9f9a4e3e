/**
 * The search of the published site, end to end: the real archive built by `buildSite` (render +
 * indexSite, base path /zapisy/), served on a localhost port, searched in real Chromium through
 * the /hledat/ page under the site's Content-Security-Policy.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { startServer, type RunningServer } from '../../src/render/dev-server.ts';
import { SITE_STRATEGY, STEMS_MARKER } from '../../src/search/config.ts';
import { REPO_ROOT, loadQueries, meetingIdOf, type EvalQuery } from '../../src/search/evaluate.ts';
import { describeWithChromium, launchChromium } from '../helpers/browser.ts';

const BASE = '/zapisy/';
const M18 = '2018-02-12-cizinci';
const M20 = '2020-02-17-cizinci';
const M21 = '2021-10-25-cizinci';

describeWithChromium(`search in Chromium (real archive, strategy ${SITE_STRATEGY})`, () => {
  let work: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let queries: EvalQuery[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-search-e2e-'));
    const site = path.join(work, 'site');
    const built = await buildSite({ root: REPO_ROOT, outDir: site, basePath: BASE });
    if (!built.ok) throw new Error(`Web se nesestavil: ${built.diagnostics.map((d) => d.message).join('; ')}`);
    expect(built.indexedPages).toBe(built.counts.meetings);
    server = await startServer({ root: site, basePath: BASE });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'cs-CZ', viewport: { width: 1280, height: 900 } });
    queries = await loadQueries();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A page that records CSP violations, console errors and uncaught exceptions. */
  async function newPage(target: BrowserContext = context): Promise<{ page: Page; problems: string[] }> {
    const page = await target.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.exposeFunction('__reportViolation', (text: string) => problems.push(`CSP: ${text}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportViolation(text: string): void }).__reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    return { page, problems };
  }

  const searchUrl = (params: Record<string, string>) => `${server.url}hledat/?${new URLSearchParams(params).toString()}`;

  /** Waits until the search that is running (or the one started by `action`) has rendered its results. */
  async function waitForSearch(page: Page, after = 0): Promise<void> {
    await page.waitForFunction(
      (previous) => {
        const done = document.querySelector<HTMLElement>('[data-search-root]')?.dataset['searchDone'];
        return done !== undefined && done !== '0' && Number(done) > previous;
      },
      after,
      { timeout: 15_000 },
    );
  }

  async function searchGeneration(page: Page): Promise<number> {
    return page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-search-root]')?.dataset['searchDone'] ?? 0));
  }

  async function resultIds(page: Page): Promise<string[]> {
    const hrefs = await page.$$eval('[data-search-results] .search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href.startsWith(`${BASE}zapisy/`), `${href} honours the base path`).toBe(true);
    return hrefs.map(meetingIdOf);
  }

  const status = (page: Page) => page.locator('[data-search-status]').innerText();
  /** innerText with no-break spaces (Czech dates: "25.\u00a0října") read as spaces. */
  const text = async (locator: { innerText(): Promise<string> }) => (await locator.innerText()).replace(/\u00a0/g, ' ');

  it('finds the expected meetings of every query in queries.json in the top 10', async () => {
    const { page, problems } = await newPage();
    const failures: string[] = [];
    // The first query arrives in the address, the others are typed into the same page.
    await page.goto(searchUrl({ q: queries[0]!.query }));
    for (const [index, query] of queries.entries()) {
      if (index === 0) {
        await waitForSearch(page);
      } else {
        const before = await searchGeneration(page);
        await page.getByLabel('Hledaný výraz').fill(query.query);
        await page.keyboard.press('Enter');
        await waitForSearch(page, before);
        expect(new URL(page.url()).searchParams.get('q')).toBe(query.query);
      }
      const top = (await resultIds(page)).slice(0, 10);
      const missing = query.expected.filter((id) => !top.includes(id));
      if (missing.length) failures.push(`„${query.query}“: chybí ${missing.join(', ')} (nalezeno: ${top.join(', ') || 'nic'})`);
    }
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it('runs /hledat/?q=nadeje when the page opens: count announced, group, date and a real-text excerpt', async () => {
    const { page, problems } = await newPage();
    await page.goto(searchUrl({ q: 'nadeje' }));
    await waitForSearch(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('cs');
    expect(await page.getByLabel('Hledaný výraz').inputValue()).toBe('nadeje');
    expect(await resultIds(page)).toEqual([M21, M18]); // newest first
    const live = page.locator('[data-search-status]');
    expect(await live.getAttribute('role')).toBe('status');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await status(page)).toBe('Nalezeny 2 zápisy pro „nadeje“, od nejnovějšího.');

    const first = page.locator('.search-result').first();
    expect(await text(first.locator('.search-result__title'))).toBe('Zápis z jednání 25. října 2021');
    expect(await text(first.locator('.search-result__group'))).toBe('PS cizinci a sociální vyloučení');
    expect(await text(first.locator('.search-result__date'))).toBe('25. října 2021');
    const excerpts = await page.locator('.search-result__excerpt').allInnerTexts();
    for (const excerpt of excerpts) {
      expect(excerpt).not.toContain(STEMS_MARKER);
      expect(excerpt).not.toMatch(/\bnadj\b/);
    }
    const marked = await page.locator('.search-result__excerpt mark').allInnerTexts();
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toMatch(/^nad[eě]j/i);
    // Without the fallback note once search works.
    expect(await page.locator('[data-search-fallback]').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the address in sync while typing, so the search can be shared', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}hledat/`);
    await page.waitForSelector('[data-search-root][data-search-ready]');
    expect(await status(page)).toContain('Napište, co hledáte');
    const before = await searchGeneration(page);
    await page.getByLabel('Hledaný výraz').pressSequentially('věznice', { delay: 20 });
    await waitForSearch(page, before);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'věznice');
    // A search for a prefix typed on the way ("vězn") may finish first; the last one wins.
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Nalezeny 2 zápisy pro „věznice“, od nejnovějšího.');
    expect(await resultIds(page)).toEqual([M21, M18]);
    // The shared link opens the same search.
    const shared = page.url();
    const { page: other } = await newPage();
    await other.goto(shared);
    await waitForSearch(other);
    expect(await resultIds(other)).toEqual([M21, M18]);
    expect(problems).toEqual([]);
    await other.close();
    await page.close();
  });

  it('narrows the results with the year and organization filters, also from the address', async () => {
    const { page, problems } = await newPage();
    await page.goto(searchUrl({ q: 'dluhů' }));
    await waitForSearch(page);
    expect(await resultIds(page)).toEqual([M21, M20, M18]);

    let before = await searchGeneration(page);
    await page.getByLabel('Rok').selectOption('2018');
    await waitForSearch(page, before);
    expect(await resultIds(page)).toEqual([M18]);
    expect(new URL(page.url()).searchParams.get('rok')).toBe('2018');
    expect(await status(page)).toBe('Nalezen 1 zápis pro „dluhů“ (rok 2018), od nejnovějšího.');

    before = await searchGeneration(page);
    await page.getByRole('button', { name: 'Zrušit filtry' }).click();
    await waitForSearch(page, before);
    expect(await resultIds(page)).toHaveLength(3);

    before = await searchGeneration(page);
    await page.getByLabel('Organizace', { exact: true }).selectOption('Agentura pro sociální začleňování');
    await waitForSearch(page, before);
    expect(await resultIds(page)).toEqual([M20]);

    // Filters in a shared link, without a query: every meeting of the organization.
    await page.goto(searchUrl({ organizace: 'Naděje' }));
    await waitForSearch(page);
    expect(await resultIds(page)).toEqual([M21, M18]);
    expect(await page.getByLabel('Organizace', { exact: true }).inputValue()).toBe('Naděje');

    before = await searchGeneration(page);
    await page.getByLabel('Pracovní skupina').selectOption('PS cizinci a sociální vyloučení');
    await waitForSearch(page, before);
    expect(await resultIds(page)).toEqual([M21, M18]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works with the keyboard alone and a result link opens the meeting page', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${server.url}hledat/`);
    await page.waitForSelector('[data-search-root][data-search-ready]');
    await page.getByLabel('Hledaný výraz').focus();
    await page.keyboard.type('Romodromu');
    const before = await searchGeneration(page);
    await page.keyboard.press('Enter');
    await waitForSearch(page, before);
    expect(await resultIds(page)).toEqual([M21, M18]);
    let inResults = false;
    for (let i = 0; i < 12 && !inResults; i++) {
      await page.keyboard.press('Tab');
      inResults = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-search-results]')));
    }
    expect(inResults).toBe(true);
    await Promise.all([page.waitForURL(`${server.url}zapisy/${M21}/`), page.keyboard.press('Enter')]);
    expect(await text(page.locator('h1'))).toBe('Zápis z jednání 25. října 2021');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 360 px wide screen and passes axe without serious violations', async () => {
    // axe is injected as a script, which the site's CSP (rightly) forbids: this context bypasses it.
    const narrow = await browser.newContext({ locale: 'cs-CZ', viewport: { width: 360, height: 740 }, bypassCSP: true });
    const { page } = await newPage(narrow);
    await page.goto(searchUrl({ q: 'azylového domu' }));
    await waitForSearch(page);
    expect(await resultIds(page)).toContain(M21);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.getByLabel('Hledaný výraz').waitFor({ state: 'visible', timeout: 5_000 });
    await page.getByRole('button', { name: 'Hledat', exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    // Filters start folded on a phone and open with the summary.
    expect(await page.getByLabel('Rok').isHidden()).toBe(true);
    await page.getByText('Zúžit výsledky').click();
    await page.getByLabel('Rok').waitFor({ state: 'visible', timeout: 5_000 });

    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ content: await readFile(axePath, 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await narrow.close();
  });

  it('says in Czech that search needs JavaScript when it is off', async () => {
    const noJs = await browser.newContext({ locale: 'cs-CZ', javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(searchUrl({ q: 'nadeje' }));
    await page.locator('[data-search-fallback]').waitFor({ state: 'visible', timeout: 5_000 });
    expect(await page.locator('[data-search-fallback]').innerText()).toContain('Vyhledávání potřebuje JavaScript.');
    expect(await page.locator('[data-search-form]').isHidden()).toBe(true);
    expect(await page.locator('noscript').count()).toBe(1);
    // Browsing works without it: the links lead to the meeting lists.
    await Promise.all([page.waitForURL(`${server.url}roky/`), page.getByRole('link', { name: 'podle let' }).click()]);
    await noJs.close();
  });
});
