/**
 * The site built from the real archive: every page type, byte-identical rebuilds, the base path in
 * every link, and atomic output (a failed build leaves the previous site untouched).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { toOpenData } from '../../src/model/open-data.ts';
import type { ArchiveModel } from '../../src/model/types.ts';
import { buildArchiveModel } from '../../src/pipeline/build-model.ts';
import { TEMPLATES_DIR, renderSite } from '../../src/render/render-site.ts';
import { RenderError } from '../../src/render/run-eleventy.ts';
import { sampleModel } from '../fixtures/site/sample-model.ts';
import { ROOT, fileForPath, isExternal, linksOf, listFiles, snapshot } from './support.ts';

const BASE = '/zapisy/';
/** Written by the search indexer (src/search), which these render-only builds do not run. */
const INDEXER_OUTPUT = /^(?:pagefind\/|assets\/search\.(?:js|css)$)/;
let work: string;
let model: ArchiveModel;
let site: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kpss-site-'));
  const built = await buildArchiveModel(ROOT);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = built.model!;
  site = path.join(work, 'site');
  await renderSite(model, { outDir: site, basePath: BASE });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const read = (file: string) => readFile(path.join(site, file), 'utf8');

describe('the built site of the real archive', () => {
  it('has every page type and text file', async () => {
    const files = new Set(await listFiles(site));
    const expected = [
      'index.html',
      '404.html',
      'zapisy/index.html',
      'skupiny/index.html',
      'organizace/index.html',
      'roky/index.html',
      'ukoly/index.html',
      'usneseni/index.html',
      'hledat/index.html',
      'feed.xml',
      'kalendar.ics',
      'data/archive.json',
      'assets/style.css',
      ...model.meetings.map((m) => `zapisy/${m.id}/index.html`),
      ...model.groups.flatMap((g) => [`skupiny/${g.id}/index.html`, `skupiny/${g.id}/kalendar.ics`]),
      ...model.organizations.map((o) => `organizace/${o.id}/index.html`),
      ...[...new Set(model.meetings.map((m) => m.date.slice(0, 4)))].map((y) => `roky/${y}/index.html`),
    ];
    expect(expected.filter((f) => !files.has(f))).toEqual([]);
  });

  it('shows a meeting with its Czech date, time, venue, group, attendees, body, updates and edit link', async () => {
    const html = await read('zapisy/2021-10-25-cizinci/index.html');
    expect(html).toContain('<html lang="cs">');
    expect(html).toContain('Zápis z jednání 25.\u00a0října 2021');
    expect(html).toContain('<time datetime="2021-10-25">pondělí 25.\u00a0října 2021</time>');
    expect(html).toContain('<dt>Čas</dt><dd>9:00</dd>');
    expect(html).toContain('<dt>Místo</dt><dd>ČvT</dd>');
    expect(html).toContain(`href="${BASE}skupiny/cizinci/"`);
    expect(html).toContain('<strong>Most k Naději.</strong> Novinkou je otevření k-centra');
    expect(html).toMatch(/class="updates-panel"[^>]*>\s*<h2 id="informace-organizaci">Informace organizací/);
    // The panel lists each update by its first sentence, made when the page is rendered.
    expect(html).toContain('<span class="updates-panel__excerpt">Novinkou je otevření k-centra v Jablonci nad Nisou.</span>');
    expect(html).toContain('href="https://github.com/kpss-liberec/zapisy/edit/main/minutes/2021/2021-10-25-cizinci.md">Upravit na GitHubu</a>');
    expect(html).toContain(`href="${BASE}zapisy/2020-02-17-cizinci/" rel="prev"`);
    expect(html).toContain('data-pagefind-body');
    expect(html).toContain('data-pagefind-filter="rok:2021"');
  });

  it('gives every paginated page its title and description, the site’s name after it', async () => {
    const site = 'Archiv zápisů KPSS Liberec';
    const siteDescription = '<meta name="description" content="Zápisy z jednání pracovních skupin komunitního plánování sociálních služeb regionu Liberec.">';
    const heads = {
      'zapisy/2021-10-25-cizinci/index.html': [
        `<title>Zápis z jednání 25.\u00a0října 2021 – PS cizinci a sociální vyloučení – ${site}</title>`,
        '<meta name="description" content="Asistenti prevence kriminality, Náhradní doklady, Informace od jednotlivých organizací">',
      ],
      'organizace/navrat/index.html': [`<title>Návrat, o.p.s. – ${site}</title>`, siteDescription],
      'skupiny/cizinci/index.html': [`<title>Pracovní skupina pro cizince, národnostní menšiny a osoby ohrožené sociálním vyloučením – ${site}</title>`, siteDescription],
      'roky/2021/index.html': [`<title>Rok 2021 – ${site}</title>`, siteDescription],
    };
    for (const [file, lines] of Object.entries(heads)) {
      const html = await read(file);
      for (const line of lines) expect(html, file).toContain(line);
      // The page's main part stands in <main> as its own lines, the end tag on a line of its own.
      expect(html, file).toMatch(/<main id="obsah" class="wrap" tabindex="-1">\n<[a-z]/);
      expect(html, file).toMatch(/\n\n?<\/main>\n<footer/);
    }
  });

  it('links attendees to their organization where the minute names it', async () => {
    const withOrg = model.meetings.flatMap((m) => m.attendees.filter((p) => p.organization).map((p) => ({ meeting: m, person: p })));
    for (const { meeting, person } of withOrg) {
      const org = model.organizations.find((o) => o.id === person.organization)!;
      const html = await read(`zapisy/${meeting.id}/index.html`);
      expect(html).toContain(`${person.name} <span class="people__org">(<a href="${BASE}organizace/${org.id}/">${org.short ?? org.name}</a>)</span>`);
    }
  });

  it('puts the rest of the archive on its pages', async () => {
    const home = await read('index.html');
    expect(home).toContain('pondělí 10.\u00a0ledna 2022</time> v&nbsp;14:00');
    expect(home).toContain(`href="${BASE}zapisy/2021-10-25-cizinci/"`);
    const group = await read('skupiny/cizinci/index.html');
    expect(group).toContain('role="img" aria-labelledby="dochazka-cizinci-title dochazka-cizinci-desc"');
    expect(group).toContain('<caption>Účast na jednáních skupiny</caption>');
    expect(group).toContain('href="https://github.com/kpss-liberec/zapisy/edit/main/minutes.config.yaml"');
    const orgs = await read('organizace/index.html');
    expect(orgs).toContain('aria-labelledby="informace-podle-let-title informace-podle-let-desc"');
    const org = await read('organizace/navrat/index.html');
    expect(org).toContain('V současnosti je kapacita plná.');
    expect(org).toContain('href="https://github.com/kpss-liberec/zapisy/edit/main/organizations/navrat.yaml"');
    const search = await read('hledat/index.html');
    expect(search).toContain('id="hledani"');
    expect(search).toContain('<noscript>');
    expect(search).toContain('Vyhledávání potřebuje JavaScript');
    expect(await read('404.html')).toContain('Stránka nenalezena');
  });

  it('is safe: CSP on every page, no inline scripts or styles, autoescaped text', async () => {
    for (const file of (await listFiles(site)).filter((f) => f.endsWith('.html'))) {
      const html = await read(file);
      expect(html, file).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';`);
      expect(html, file).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, file).not.toMatch(/\sstyle="/);
      expect(html, file).not.toMatch(/\son[a-z]+="/);
      expect(html, file).toContain('<a class="skip-link" href="#obsah">');
      expect(html, file).toContain('<main id="obsah"');
    }
  });

  it('links the navigation to the right pages under the base path', async () => {
    const nav = [...(await read('zapisy/2021-10-25-cizinci/index.html')).matchAll(/<li><a href="([^"]+)"[^>]*>([^<]+)<\/a><\/li>/g)].map((m) => [m[2], m[1]]);
    expect(nav).toEqual(
      expect.arrayContaining([
        ['Zápisy', '/zapisy/zapisy/'],
        ['Skupiny', '/zapisy/skupiny/'],
        ['Organizace', '/zapisy/organizace/'],
        ['Úkoly', '/zapisy/ukoly/'],
        ['Usnesení', '/zapisy/usneseni/'],
        ['Hledat', '/zapisy/hledat/'],
      ]),
    );
    expect(await read('index.html')).toContain('<a class="site-title" href="/zapisy/" aria-current="page">');
  });

  it('honours the base path in every href and src, and every internal link leads to a file', async () => {
    const files = new Set(await listFiles(site));
    const problems: string[] = [];
    for (const file of [...files].filter((f) => f.endsWith('.html'))) {
      for (const link of linksOf(await read(file))) {
        if (isExternal(link) || link.startsWith('#')) continue;
        if (!link.startsWith(BASE)) {
          problems.push(`${file}: ${link} (bez základní cesty)`);
          continue;
        }
        const target = fileForPath(link.slice(BASE.length));
        if (!files.has(target) && !INDEXER_OUTPUT.test(target)) problems.push(`${file}: ${link} → ${target} chybí`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('publishes the model as open data, without html', async () => {
    const json = await read('data/archive.json');
    expect(json).not.toContain('"html"');
    expect(JSON.parse(json)).toEqual(toOpenData(model));
  });

  it('has a feed and calendars with absolute links and no build time', async () => {
    const feed = await read('feed.xml');
    expect(feed).toContain('<updated>2021-10-25T09:00:00+02:00</updated>');
    expect(feed).toContain('href="https://kpss-liberec.github.io/zapisy/zapisy/2021-10-25-cizinci/"');
    const ics = await read('kalendar.ics');
    expect(ics).toContain('UID:2022-01-10-cizinci@kpss-liberec.github.io');
    expect(ics).not.toMatch(/DTSTAMP:(?!\d{8}T000000Z)/);
  });

  it('is byte-identical when built again', async () => {
    const again = path.join(work, 'again');
    await renderSite(structuredClone(model), { outDir: again, basePath: BASE });
    expect(await snapshot(again)).toEqual(await snapshot(site));
  });

  it('is byte-identical through the whole pipeline, search index included', { timeout: 120_000 }, async () => {
    const first = path.join(work, 'full-1');
    const second = path.join(work, 'full-2');
    const a = await buildSite({ root: ROOT, outDir: first, basePath: BASE });
    const b = await buildSite({ root: ROOT, outDir: second, basePath: BASE });
    expect(a.ok && b.ok).toBe(true);
    const files = await listFiles(first);
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(await snapshot(second)).toEqual(await snapshot(first));
  });

  it('works at the root too: with base path "/" no link carries /zapisy/ as a prefix', async () => {
    const root = path.join(work, 'root');
    await renderSite(model, { outDir: root, basePath: '/' });
    const home = await readFile(path.join(root, 'index.html'), 'utf8');
    expect(home).toContain('href="/assets/style.css"');
    expect(home).toContain('href="/zapisy/2021-10-25-cizinci/"');
    expect(home).not.toContain('href="/zapisy/zapisy/');
  });
});

describe('the sample model (tasks and decisions)', () => {
  it('renders open and done tasks and the decisions', async () => {
    const out = path.join(work, 'sample');
    await renderSite(sampleModel(), { outDir: out, basePath: '/' });
    const tasks = await readFile(path.join(out, 'ukoly/index.html'), 'utf8');
    expect(tasks).toContain('Otevřené <span class="count">(2)</span>');
    expect(tasks).toContain('Splněné <span class="count">(1)</span>');
    expect(tasks).toContain('Odpovídá: Radek Šandor');
    const decisions = await readFile(path.join(out, 'usneseni/index.html'), 'utf8');
    expect(decisions).toContain('Usnesení č. 1/2018');
    expect(decisions).toContain('<strong>druhé úterý od 15 do 16 hodin</strong>');
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('Sledovat výběr zpracovatele nového komunitního plánu');
  });

  it('renders an archive without any minutes, and marks a draft as such', async () => {
    const empty = sampleModel();
    Object.assign(empty, { meetings: [], tasks: [], decisions: [], upcoming: [], people: [] });
    for (const group of empty.groups) group.meetings = [];
    for (const org of empty.organizations) Object.assign(org, { updates: [], mentions: [], people: [] });
    const out = path.join(work, 'empty');
    await renderSite(empty, { outDir: out, basePath: '/' });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Zatím tu nejsou žádné zápisy.');
    expect(await readFile(path.join(out, 'skupiny/cizinci/index.html'), 'utf8')).toContain('Skupina zatím nemá v archivu žádný zápis.');

    const draft = sampleModel();
    draft.meetings[0]!.status = 'draft';
    const drafts = path.join(work, 'draft');
    await renderSite(draft, { outDir: drafts, basePath: '/' });
    expect(await readFile(path.join(drafts, 'zapisy/2021-10-25-cizinci/index.html'), 'utf8')).toContain('Tento zápis zatím nebyl schválen.');
    expect(await readFile(path.join(drafts, 'index.html'), 'utf8')).toContain('<span class="badge badge--draft">koncept</span>');
    expect(await readFile(path.join(drafts, 'feed.xml'), 'utf8')).toContain('25. října 2021 (koncept)</title>');
  });

  it('escapes everything but the sanitized html', async () => {
    const evil = sampleModel();
    evil.meetings[0]!.venue = '<script>alert(1)</script>';
    evil.meetings[0]!.topics = ['<img src=x onerror=alert(1)>'];
    const out = path.join(work, 'evil');
    await renderSite(evil, { outDir: out, basePath: '/' });
    const html = await readFile(path.join(out, 'zapisy/2021-10-25-cizinci/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
  });
});

describe('atomic output', () => {
  async function previousSite(): Promise<string> {
    const dir = path.join(work, `previous-${Math.random().toString(36).slice(2)}`);
    await mkdir(path.join(dir, 'zapisy'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), 'předchozí verze');
    await writeFile(path.join(dir, 'zapisy', 'stary.html'), 'starý zápis');
    return dir;
  }

  async function leftovers(dir: string): Promise<string[]> {
    const name = path.basename(dir);
    return (await readdir(path.dirname(dir))).filter((entry) => entry.startsWith(`.${name}.`));
  }

  it('keeps the previous site when indexing (after render) fails', async () => {
    const dir = await previousSite();
    const before = await snapshot(dir);
    await expect(
      renderSite(model, {
        outDir: dir,
        basePath: BASE,
        afterRender: async () => {
          throw new Error('index selhal');
        },
      }),
    ).rejects.toThrow('index selhal');
    expect(await snapshot(dir)).toEqual(before);
    expect(await leftovers(dir)).toEqual([]);
  });

  it('keeps the previous site when a template fails', async () => {
    const dir = await previousSite();
    const before = await snapshot(dir);
    const templates = path.join(work, 'broken-templates');
    await cp(TEMPLATES_DIR, templates, { recursive: true });
    await writeFile(path.join(templates, 'ukoly.njk'), '---\nlayout: layouts/base.njk\npermalink: /ukoly/\n---\n{{ view.neexistuje.nic }}\n');
    const failure = renderSite(model, { outDir: dir, basePath: BASE, templatesDir: templates });
    await expect(failure).rejects.toBeInstanceOf(RenderError);
    expect(await snapshot(dir)).toEqual(before);
    expect(await leftovers(dir)).toEqual([]);
  });

  it('replaces the previous site as a whole when everything succeeds', async () => {
    const dir = await previousSite();
    await renderSite(model, { outDir: dir, basePath: BASE });
    const files = await listFiles(dir);
    expect(files).toContain('zapisy/2021-10-25-cizinci/index.html');
    expect(files).not.toContain('zapisy/stary.html');
    // The replaced site is removed by a process of its own, after the swap.
    await vi.waitFor(async () => expect(await leftovers(dir)).toEqual([]), { timeout: 5000 });
  });

  it('writes nothing when the archive has validation errors', async () => {
    const project = path.join(work, 'invalid-project');
    for (const part of ['minutes', 'organizations', 'minutes.config.yaml']) {
      await cp(path.join(ROOT, part), path.join(project, part), { recursive: true });
    }
    const minute = path.join(project, 'minutes/2021/2021-10-25-cizinci.md');
    await writeFile(minute, (await readFile(minute, 'utf8')).replace('group: cizinci', 'group: neznama-skupina'));
    const out = path.join(project, '_site');
    const result = await buildSite({ root: project, outDir: '_site', index: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect((await readdir(project)).filter((e) => e.startsWith('._site'))).toEqual([]);
  });
});

describe('minutes build', () => {
  function minutes(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'bin/minutes.js'), ...args], { cwd: ROOT }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  it('builds the archive and prints a short Czech summary', async () => {
    const out = path.join(work, 'cli-site');
    const run = await minutes(['build', '--out', out, '--base', '/zapisy/', '--no-index']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✔ Web sestaven do .+ \(základní cesta \/zapisy\/\): 3 zápisy, 4 skupiny, \d+ organizací; \d+ stránek, bez vyhledávacího indexu\.\n$/);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(out, 'zapisy/2021-10-25-cizinci/index.html'))).toBe(true);
  });

  it('rejects unknown options as wrong usage', async () => {
    const run = await minutes(['build', '--vystup', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Chybné použití');
  });
});
