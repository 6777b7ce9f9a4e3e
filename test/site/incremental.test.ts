/**
 * Incremental rendering (src/render/incremental.ts): a warm build that reuses the previous output
 * must be byte-identical to a full build of the same archive, whatever changed in between — and
 * must actually reuse what did not change.
 */
import { readFileSync, statSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import type { ArchiveModel } from '../../src/model/types.ts';
import { buildArchiveModel } from '../../src/pipeline/build-model.ts';
import { PAGE_FILES, batchPages, countPages, emptyPages, type PagedView } from '../../src/render/paged-view.ts';
import { htmlFilesUnder } from '../../src/render/link-files.ts';
import { TEMPLATES_DIR, renderSite, type RenderedPages, type RenderOptions, type RenderResult } from '../../src/render/render-site.ts';
import { statSignature } from '../../src/pipeline/stat-index.ts';
import { ROOT, listFiles, snapshot } from './support.ts';

const BASE = '/zapisy/';
let work: string;
let archive: string;
let files: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kpss-incremental-'));
  archive = path.join(work, 'archive');
  ({ files } = await generateArchive({ root: archive, minutes: 24, groups: 4, seed: 7, repoRoot: ROOT }));
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** A file of the generated archive, read now. */
function archiveText(file: string): string {
  return readFileSync(path.join(archive, file), 'utf8');
}

/** The model as a build makes it: with an analysis cache, so the minutes' texts are stored and the open data can copy them. */
async function model(): Promise<ArchiveModel> {
  const built = await buildArchiveModel(archive, { cacheDir: path.join(work, 'analysis-cache') });
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return built.model!;
}

/**
 * A warm build into `name` and a full build (no cache, one Eleventy run) of the same model; the
 * warm one renders in runs of a few pages, so the runs are checked against a single run too.
 */
async function buildBoth(name: string, options: Partial<RenderOptions> = {}): Promise<RenderResult> {
  const current = await model();
  let told: RenderedPages | undefined;
  const warm = await renderSite(current, {
    outDir: path.join(work, name),
    basePath: BASE,
    cacheDir: path.join(work, `${name}-cache`),
    pagesPerRun: 7,
    afterRender: async (dir, pages) => {
      told = pages;
      await expectPagesAsFound(dir, pages);
    },
    ...options,
  });
  // Every reused page is a link here (one file system), so each has its stat from the plan.
  expect(told?.linkedStats.size).toBe(warm.reusedPages);
  const full = await renderSite(current, { outDir: path.join(work, `${name}-full`), basePath: BASE, afterRender: expectPagesAsFound, ...options });
  expect(full.reusedPages).toBe(0);
  expect(await snapshot(path.join(work, name))).toEqual(await snapshot(path.join(work, `${name}-full`)));
  return warm;
}

/**
 * afterRender is told the pages from the plan, not from a walk of the directory, and the stat of
 * those linked from the published site from the plan's check, not from a stat of the link.
 */
async function expectPagesAsFound(dir: string, pages: RenderedPages): Promise<void> {
  expect(pages.files).toEqual(htmlFilesUnder(dir, new Set()));
  for (const [file, stats] of pages.linkedStats) expect(statSignature(stats), file).toBe(statSignature(statSync(path.join(dir, file))));
}

describe('a warm build', () => {
  it('renders only what changed after editing, adding and deleting minutes, and equals a full build', { timeout: 120_000 }, async () => {
    const held = path.join(work, 'held.md');
    const [added, edited, deleted] = [files[5]!, files[10]!, files[15]!];
    await rename(path.join(archive, added), held);

    const first = await buildBoth('site');
    expect(first.reusedPages).toBe(0);
    expect(first.copiedOpenData).toEqual({ meeting: 0, organization: 0, person: 0 });

    const unchanged = await buildBoth('site');
    expect(unchanged.renderedPages).toBe(0);
    expect(unchanged.reusedPages).toBe(first.renderedPages);
    const { organizations, people } = await model();
    expect(unchanged.copiedOpenData).toEqual({ meeting: files.length - 1, organization: organizations.length, person: people.length });

    // A new first topic changes the minute's card, shown on its neighbours', group's and year's pages.
    const source = await readFile(path.join(archive, edited), 'utf8');
    await writeFile(path.join(archive, edited), source.replace(/^topics:\n/m, 'topics:\n  - Nově zařazené téma\n'));
    await appendFile(path.join(archive, edited), '\nDoplněno po jednání.\n');
    await rename(held, path.join(archive, added));
    await rm(path.join(archive, deleted));

    const warm = await buildBoth('site');
    expect(warm.renderedPages).toBeGreaterThan(0);
    expect(warm.reusedPages).toBeGreaterThan(0);
    // The edited and the added minute and the neighbours of the added and the deleted one are written again.
    expect(warm.copiedOpenData.meeting).toBeGreaterThan(files.length - 1 - 8);
    expect(warm.copiedOpenData.meeting).toBeLessThan(files.length - 1 - 1);
    // Organizations the edited, added or deleted minutes speak of are written again, the others copied.
    expect(warm.copiedOpenData.organization).toBeGreaterThan(0);
    expect(warm.copiedOpenData.organization).toBeLessThan((await model()).organizations.length);
    // So are the people they list; the others are copied.
    expect(warm.copiedOpenData.person).toBeGreaterThan(0);
    expect(warm.copiedOpenData.person).toBeLessThan((await model()).people.length);
    const id = path.basename(edited, '.md');
    expect(await readFile(path.join(work, 'site', 'zapisy', id, 'index.html'), 'utf8')).toContain('Nově zařazené téma');
  });

  it('renders only the page of a minute edited outside its updates, and copies its organizations; an edited update renders its organization', { timeout: 120_000 }, async () => {
    await buildBoth('reported');
    const { meetings, organizations, people } = await model();
    const reported = organizations.find((o) => o.updates.length)!;
    const meeting = reported.updates[0]!.meeting;
    const file = files.find((f) => path.basename(f, '.md') === meeting)!;

    // A sentence below the tasks: only the meeting's own page shows it.
    await appendFile(path.join(archive, file), '\nDoplněno po jednání.\n');
    const appended = await buildBoth('reported');
    expect(appended.renderedPages).toBe(1);
    expect(appended.copiedOpenData).toEqual({ meeting: meetings.length - 1, organization: organizations.length, person: people.length });

    // The same minute with one organization's update reworded, on the same lines: that organization
    // and those the update mentions (their mention's context and place) change, and only they.
    const source = await readFile(path.join(archive, file), 'utf8');
    const update = /^(\s*- \*\*[^*\n]+\*\* )/m.exec(source)!;
    await writeFile(path.join(archive, file), source.replace(update[1]!, `${update[1]}Nově: `));
    const after = await model();
    const changed = after.organizations.filter((o, i) => JSON.stringify(o) !== JSON.stringify(organizations[i])).length;
    expect(changed).toBeGreaterThan(0);
    const reworded = await buildBoth('reported');
    // A mention moved along its line changes the open data but not what its organization's page shows.
    expect(reworded.renderedPages).toBeGreaterThanOrEqual(2);
    expect(reworded.renderedPages).toBeLessThanOrEqual(1 + changed);
    expect(reworded.copiedOpenData).toEqual({ meeting: meetings.length - 1, organization: organizations.length - changed, person: people.length });
  });

  it('shows the new short name of an organization after its register entry is edited, and equals a full build', { timeout: 120_000 }, async () => {
    const { organizations } = await model();
    const organization = organizations.find((o) => o.short)!;
    const minute = path.join(archive, files[3]!);
    const register = path.join(archive, 'organizations', `${organization.id}.yaml`);
    const [minuteText, registerText] = await Promise.all([readFile(minute, 'utf8'), readFile(register, 'utf8')]);
    // An attendee from the organization: the meeting page shows the short name only in the
    // attendee's link. (The registers are part of every minute's analysis key, so an edited
    // register renders every meeting page again; view.test.ts holds the link itself to its names.)
    await writeFile(minute, minuteText.replace(/^attendees:\n {2}- (.+)$/m, `attendees:\n  - name: $1\n    organization: ${organization.id}`));
    try {
      await buildBoth('renamed');
      // The old short name stays an alias, so the minutes still name the organization.
      const withAlias = registerText.replace(/^aliases: \[\]$/m, 'aliases:').replace(/^aliases:$/m, `aliases:\n  - ${JSON.stringify(organization.short)}`);
      await writeFile(register, withAlias.replace(/^short: .*$/m, 'short: Přejmenovaná'));
      const renamed = await buildBoth('renamed');
      expect(renamed.renderedPages).toBeGreaterThan(0);
      expect(await readFile(path.join(work, 'renamed', 'zapisy', path.basename(minute, '.md'), 'index.html'), 'utf8')).toContain('>Přejmenovaná</a>)');
    } finally {
      await Promise.all([writeFile(minute, minuteText), writeFile(register, registerText)]);
    }
  });

  it('writes the calendars again when an announced meeting moves, and equals a full build', { timeout: 120_000 }, async () => {
    const announcement = /^(next_meetings:\n {2}- "\d{4}-\d{2}-\d{2} )(\d{2}):00"$/m;
    const file = files.find((f) => announcement.test(archiveText(f)))!;
    const source = archiveText(file);
    const moved = announcement.exec(source)![2] === '07' ? '08' : '07';
    const calendars = ['kalendar.ics', path.join('skupiny', /^group: (.+)$/m.exec(source)![1]!, 'kalendar.ics')];
    await buildBoth('announced');
    const before = await Promise.all(calendars.map((ics) => readFile(path.join(work, 'announced', ics), 'utf8')));
    await writeFile(path.join(archive, file), source.replace(announcement, `$1${moved}:00"`));
    try {
      const after = await buildBoth('announced');
      expect(after.reusedPages).toBeGreaterThan(0);
      for (const [i, ics] of calendars.entries()) {
        const text = await readFile(path.join(work, 'announced', ics), 'utf8');
        expect(text).not.toBe(before[i]);
        expect(text).toContain(`T${moved}0000`);
      }
    } finally {
      await writeFile(path.join(archive, file), source);
    }
  });

  it('renders every page again when a template changes', { timeout: 120_000 }, async () => {
    const templates = path.join(work, 'templates');
    await cp(TEMPLATES_DIR, templates, { recursive: true });
    const first = await buildBoth('themed', { templatesDir: templates });
    const layout = path.join(templates, '_includes', 'layouts', 'base.njk');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('Zdrojová data na GitHubu', 'Zdrojová data'));

    const warm = await buildBoth('themed', { templatesDir: templates });
    expect(warm.reusedPages).toBe(0);
    expect(warm.renderedPages).toBe(first.renderedPages);
    const meeting = path.basename(files[0]!, '.md');
    const page = await readFile(path.join(work, 'themed', 'zapisy', meeting, 'index.html'), 'utf8');
    expect(page).toContain('>Zdrojová data</a>');
  });

  it('renders a published page again when it was changed by hand', { timeout: 120_000 }, async () => {
    await buildBoth('edited');
    const meeting = path.basename(files[1]!, '.md');
    await appendFile(path.join(work, 'edited', 'zapisy', meeting, 'index.html'), '<!-- ručně -->');
    const warm = await buildBoth('edited');
    expect(warm.renderedPages).toBe(1);
  });

  it('copies nothing of an open data file changed by hand or when its record is damaged, and is still exact', { timeout: 120_000 }, async () => {
    await buildBoth('data');
    const data = path.join(work, 'data', 'data', 'archive.json');
    await writeFile(data, (await readFile(data, 'utf8')).replace('{"id":', '{ "id":'));
    const edited = await buildBoth('data');
    expect(edited.copiedOpenData).toEqual({ meeting: 0, organization: 0, person: 0 });
    const { meetings, organizations, people } = await model();
    expect((await buildBoth('data')).copiedOpenData).toEqual({ meeting: meetings.length, organization: organizations.length, person: people.length });
    const records = (await readdir(path.join(work, 'data-cache'))).filter((file) => file.startsWith('open-data-'));
    expect(records).toHaveLength(1);
    const record = path.join(work, 'data-cache', records[0]!);
    await writeFile(record, '{"format":1,"pieces":');
    expect((await buildBoth('data')).copiedOpenData).toEqual({ meeting: 0, organization: 0, person: 0 });
    // A record whose places are not in the file, or not where their pieces are, copies nothing either.
    const mangled = JSON.parse(await readFile(record, 'utf8')) as { pieces: unknown[] };
    await writeFile(record, JSON.stringify({ ...mangled, pieces: [...mangled.pieces, 5, ['x', 0, 2 ** 40]] }));
    expect((await buildBoth('data')).copiedOpenData).toEqual({ meeting: 0, organization: 0, person: 0 });
    const shifted = JSON.parse(await readFile(record, 'utf8')) as { pieces: [string, number, number][] };
    await writeFile(record, JSON.stringify({ ...shifted, pieces: shifted.pieces.map(([piece, offset, length]) => [piece, offset + 1, length - 1]) }));
    expect((await buildBoth('data')).copiedOpenData).toEqual({ meeting: 0, organization: 0, person: 0 });
  });

  it('leaves the previous site as it was when it fails, and the next build is still exact', { timeout: 120_000 }, async () => {
    await buildBoth('failing');
    const before = await snapshot(path.join(work, 'failing'));
    await appendFile(path.join(archive, files[2]!), '\nJeště jedna věta.\n');
    const failure = renderSite(await model(), {
      outDir: path.join(work, 'failing'),
      basePath: BASE,
      cacheDir: path.join(work, 'failing-cache'),
      afterRender: async () => {
        throw new Error('indexing failed');
      },
    });
    await expect(failure).rejects.toThrow('indexing failed');
    expect(await snapshot(path.join(work, 'failing'))).toEqual(before);
    const warm = await buildBoth('failing');
    expect(warm.renderedPages).toBeGreaterThan(0);
  });
});

describe('the templates', () => {
  it('are each paged over its items and read nothing of the view but their own item, site and nav (what a page hash covers)', async () => {
    const templates = (await listFiles(TEMPLATES_DIR)).filter((f) => f.endsWith('.njk') && !f.startsWith('_includes/'));
    expect(templates.length).toBe(Object.keys(PAGE_FILES).length);
    const families = new Set<string>();
    const problems: string[] = [];
    for (const template of templates) {
      const source = await readFile(path.join(TEMPLATES_DIR, template), 'utf8');
      const family = /^pagination:\n\s+data: pages\.(\w+)$/m.exec(source)?.[1];
      if (family === undefined) problems.push(`${template}: not paged over pages.*`);
      else families.add(family);
      for (const file of await reachableTemplates(template)) {
        const text = await readFile(path.join(TEMPLATES_DIR, file), 'utf8');
        const tags = text.match(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g) ?? [];
        for (const tag of tags) if (/\bview\b/.test(tag)) problems.push(`${file}: ${tag}`);
      }
    }
    expect(problems).toEqual([]);
    expect([...families].sort()).toEqual(Object.keys(PAGE_FILES).sort());
  });
});

/** The template, its layouts and everything they include or import, as paths in site-templates/. */
async function reachableTemplates(template: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [template];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(path.join(TEMPLATES_DIR, file), 'utf8');
    const layout = /^layout:\s*(\S+)\s*$/m.exec(text)?.[1];
    if (layout) queue.push(`_includes/${layout}`);
    for (const match of text.matchAll(/\{%-?\s*(?:include|import|from)\s+["']([^"']+)["']/g)) queue.push(`_includes/${match[1]}`);
  }
  return [...seen];
}

describe('batchPages', () => {
  it('cuts the pages into runs of at most the given size, in order, losing none', () => {
    const pages = { ...emptyPages(), meetings: ['m1', 'm2', 'm3'], organizations: ['o1'], years: ['y1', 'y2'], groupCalendars: ['c1'], feed: ['f1'] } as unknown as PagedView;
    const runs = batchPages(pages, 2);
    expect(runs.map((run) => countPages(run))).toEqual([2, 2, 2, 2]);
    expect(runs[1]).toEqual({ ...emptyPages(), meetings: ['m3'], organizations: ['o1'] });
    expect(runs.flatMap((run) => Object.values(run).flat())).toEqual(['m1', 'm2', 'm3', 'o1', 'y1', 'y2', 'c1', 'f1']);
    expect(batchPages(emptyPages(), 2)).toHaveLength(1);
  });
});
