/**
 * The built site in real Chromium: every page type renders without errors or CSP violations, a
 * crawl finds no broken internal link, axe-core finds no WCAG 2.1 A/AA violation, nothing scrolls
 * sideways at 360 px, the skip link and print stylesheet work. Built like production: the real
 * archive, validation → model → render → search index, under the base path /zapisy/.
 *
 * Without /usr/bin/chromium the suite is skipped locally (with the reason printed) and fails in CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { startServer, type RunningServer } from '../../src/render/dev-server.ts';
import { ROOT, fileForPath, listFiles } from './support.ts';

const CHROMIUM = '/usr/bin/chromium';
const BASE = '/zapisy/';
const SCREENSHOTS = path.join(os.tmpdir(), 'kpss-screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const available = existsSync(CHROMIUM);

/** One page of every type (paths under the base path). */
const PAGE_TYPES: Record<string, string> = {
  'úvod': '',
  'přehled zápisů': 'zapisy/',
  'zápis': 'zapisy/2021-10-25-cizinci/',
  'zápis (nejstarší)': 'zapisy/2018-02-12-cizinci/',
  'skupiny': 'skupiny/',
  'skupina': 'skupiny/cizinci/',
  'skupina bez zápisů': 'skupiny/rps/',
  'organizace': 'organizace/',
  'organizace (detail)': 'organizace/most-k-nadeji/',
  'organizace bez informací': 'organizace/urad-prace/',
  'roky': 'roky/',
  'rok': 'roky/2021/',
  'úkoly': 'ukoly/',
  'usnesení': 'usneseni/',
  'hledání': 'hledat/',
  'stránka nenalezena': 'tahle-stranka-neexistuje/',
};

if (!available && !process.env.CI) {
  const reason = `${CHROMIUM} not found; install Debian's chromium to run the browser tests (in CI their absence is a failure)`;
  console.warn(`[site browser tests] skipped: ${reason}`);
  describe.skip(`the site in Chromium — skipped: ${reason}`, () => {
    it('needs Chromium', () => {});
  });
} else {
  describe('the site in Chromium', () => {
    let work: string;
    let site: string;
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      if (!available) {
        throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests must run in CI. Install it (apt-get install chromium).`);
      }
      work = await mkdtemp(path.join(os.tmpdir(), 'kpss-browser-'));
      site = path.join(work, 'site');
      const result = await buildSite({ root: ROOT, outDir: site, basePath: BASE });
      if (!result.ok) throw new Error(`The archive does not build: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
      server = await startServer({ root: site, basePath: BASE });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    interface Tab {
      page: Page;
      problems: string[];
      /** Navigates; returns the main document's status. Problems are collected from scratch. */
      visit(sitePath: string): Promise<number | undefined>;
      close(): Promise<void>;
    }

    /** A browser tab (one context per setting, reused across pages: contexts are slow to make). */
    async function tab(options: { width?: number; javaScript?: boolean } = {}): Promise<Tab> {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: 900 },
        javaScriptEnabled: options.javaScript ?? true,
        locale: 'cs-CZ',
      });
      const page = await context.newPage();
      const state: Tab = {
        page,
        problems: [],
        async visit(sitePath) {
          state.problems = [];
          const target = server.url + sitePath;
          const onConsole = (message: { type(): string; text(): string; location(): { url: string } }) => {
            // The 404 page's own status is reported on the console; it is expected there.
            if (message.type() === 'error' && message.location().url !== target) state.problems.push(`console: ${message.text()}`);
          };
          page.removeAllListeners('console');
          page.on('console', onConsole);
          const response = await page.goto(target, { waitUntil: 'load' });
          return response?.status();
        },
        close: () => context.close(),
      };
      page.on('pageerror', (error) => state.problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        // Requests cut short by the next navigation (the favicon, typically) are not failures.
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') state.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && response.request().resourceType() !== 'document') state.problems.push(`${response.status()}: ${response.url()}`);
      });
      return state;
    }

    it('renders every page type without errors or CSP violations', { timeout: 180_000 }, async () => {
      const t = await tab();
      for (const [type, sitePath] of Object.entries(PAGE_TYPES)) {
        const status = await t.visit(sitePath);
        expect(status, type).toBe(type === 'stránka nenalezena' ? 404 : 200);
        expect(await t.page.locator('html').getAttribute('lang'), type).toBe('cs');
        await expect.poll(() => t.page.locator('h1').first().isVisible(), { message: type }).toBe(true);
        // The search page loads its script and index after "load".
        if (sitePath === 'hledat/') await t.page.waitForLoadState('networkidle');
        expect(t.problems, type).toEqual([]);
      }
      await t.close();
    });

    it('has no broken internal link, stylesheet, script or image, and every page is reachable', { timeout: 240_000 }, async () => {
      const origin = new URL(server.url).origin;
      const queue = [server.url];
      const seen = new Set(queue);
      const status = new Map<string, number>();
      const broken: string[] = [];
      const t = await tab();
      while (queue.length) {
        const url = queue.shift()!;
        const code = await t.visit(url.slice(server.url.length));
        if (code !== 200) {
          broken.push(`${url} → ${code}`);
          continue;
        }
        const targets = await t.page.$$eval('a[href], link[href], script[src], img[src]', (elements) =>
          elements.map((e) => ({ url: (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src, navigable: e.tagName === 'A' })),
        );
        const ids = new Set(await t.page.$$eval('[id]', (es) => es.map((e) => e.id)));
        for (const anchor of await t.page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)))) {
          if (anchor && !ids.has(decodeURIComponent(anchor))) broken.push(`${url}: kotva #${anchor} neexistuje`);
        }
        for (const target of targets) {
          const link = new URL(target.url);
          if (link.origin !== origin) continue;
          link.hash = '';
          link.search = '';
          const key = link.href;
          if (!link.pathname.startsWith(BASE)) {
            broken.push(`${url}: ${key} (mimo základní cestu)`);
          } else if (target.navigable && !/\.(?:xml|ics|json)$/.test(link.pathname)) {
            if (!seen.has(key)) {
              seen.add(key);
              queue.push(key);
            }
          } else {
            if (!status.has(key)) status.set(key, (await fetch(key)).status);
            if (status.get(key) !== 200) broken.push(`${url}: ${key} → ${status.get(key)}`);
          }
        }
      }
      await t.close();
      expect(broken).toEqual([]);
      const pages = (await listFiles(site)).filter((f) => f.endsWith('.html') && f !== '404.html');
      const reached = new Set([...seen].map((u) => fileForPath(new URL(u).pathname.slice(BASE.length))));
      expect(pages.filter((p) => !reached.has(p))).toEqual([]);
    });

    it('passes axe-core (WCAG 2.0/2.1 A and AA) on every page type', { timeout: 300_000 }, async () => {
      const axe = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
      const violations: string[] = [];
      const runs: [number, [string, string][]][] = [
        [1280, Object.entries(PAGE_TYPES)],
        [360, Object.entries(PAGE_TYPES).filter(([type]) => ['úvod', 'zápis', 'skupina', 'organizace', 'hledání'].includes(type))],
      ];
      for (const [width, pages] of runs) {
        const t = await tab({ width });
        for (const [type, sitePath] of pages) {
          await t.visit(sitePath);
          if (sitePath === 'hledat/') await t.page.waitForLoadState('networkidle');
          // Evaluated through DevTools, so the page's CSP (no inline scripts) stays in force.
          await t.page.evaluate(axe);
          const result = await t.page.evaluate(async (tags) => {
            const { axe: engine } = window as unknown as {
              axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> };
            };
            return engine.run(document, { runOnly: { type: 'tag', values: tags } });
          }, AXE_TAGS);
          for (const v of result.violations) {
            violations.push(`${type} @${width}px: ${v.id} – ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
          }
        }
        await t.close();
      }
      expect(violations).toEqual([]);
    });

    it('does not scroll sideways at 360 px', { timeout: 120_000 }, async () => {
      const overflowing: string[] = [];
      const t = await tab({ width: 360 });
      for (const [type, sitePath] of Object.entries(PAGE_TYPES)) {
        await t.visit(sitePath);
        const [scrollWidth, clientWidth] = await t.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        if (scrollWidth > clientWidth) overflowing.push(`${type}: ${scrollWidth} > ${clientWidth}`);
      }
      await t.close();
      expect(overflowing).toEqual([]);
    });

    it('can be used from the keyboard: the skip link comes first, is visible and moves focus to the content', async () => {
      const t = await tab();
      const { page } = t;
      await t.visit('zapisy/2021-10-25-cizinci/');
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      await expect.poll(() => skip.evaluate((e) => e === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0).toBe(true);
      expect(await skip.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('obsah');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return { tag: e.tagName, outline: getComputedStyle(e).outlineStyle, inMain: Boolean(e.closest('main')) };
      });
      expect(focused).toEqual({ tag: 'A', outline: 'solid', inMain: true });
      await t.close();
    });

    it('prints the minutes without navigation, with link addresses shown once', async () => {
      const t = await tab();
      await t.visit('zapisy/2018-02-12-cizinci/');
      await t.page.emulateMedia({ media: 'print' });
      const display = (selector: string) => t.page.locator(selector).first().evaluate((e) => getComputedStyle(e).display);
      expect(await display('.site-nav')).toBe('none');
      expect(await display('.pager')).toBe('none');
      expect(await display('.skip-link')).toBe('none');
      expect(await display('.minutes__body')).not.toBe('none');
      // A link written as its own address is printed once; any other gets its address after it.
      const bare = await t.page.locator('.minutes__body a.bare-link[href^="http"]').first().evaluate((e) => getComputedStyle(e, '::after').content);
      expect(bare).toMatch(/^(none|normal)$/);
      const other = await t.page.evaluate(() => {
        const a = Object.assign(document.createElement('a'), { href: 'https://example.org/x', textContent: 'odkaz' });
        document.querySelector('.minutes__body')!.append(a);
        return getComputedStyle(a, '::after').content;
      });
      expect(other).toContain('https://example.org/x');
      await t.close();
    });

    it('is browsable without JavaScript, and the search page says search needs it', async () => {
      const t = await tab({ javaScript: false });
      await t.visit('hledat/');
      await expect.poll(() => t.page.getByText('Vyhledávání potřebuje JavaScript').first().isVisible()).toBe(true);
      await t.page.getByRole('link', { name: 'podle let' }).first().click();
      await expect.poll(() => t.page.url()).toBe(`${server.url}roky/`);
      await t.close();
    });

    it('serves a well-formed Atom feed and calendars', async () => {
      const t = await tab();
      await t.visit('');
      const parsed = await t.page.evaluate(async (base) => {
        const text = await (await fetch(`${base}feed.xml`)).text();
        const xml = new DOMParser().parseFromString(text, 'application/xml');
        return { error: xml.querySelector('parsererror')?.textContent ?? null, entries: xml.getElementsByTagName('entry').length, root: xml.documentElement.namespaceURI };
      }, BASE);
      expect(parsed).toEqual({ error: null, entries: 3, root: 'http://www.w3.org/2005/Atom' });
      const ics = await fetch(`${server.url}kalendar.ics`);
      expect(ics.headers.get('content-type')).toContain('text/calendar');
      expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
      await t.close();
    });

    it('looks right at 360 and 1280 px (screenshots for a human to judge)', { timeout: 120_000 }, async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      for (const width of [360, 1280]) {
        const t = await tab({ width });
        for (const [name, sitePath] of [['home', ''], ['meeting', 'zapisy/2021-10-25-cizinci/']] as const) {
          await t.visit(sitePath);
          await t.page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
        }
        await t.close();
      }
      expect(existsSync(path.join(SCREENSHOTS, 'meeting-360.png'))).toBe(true);
    });
  });
}

