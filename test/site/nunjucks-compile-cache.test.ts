/**
 * The Nunjucks strings of a paginated template are compiled once per Eleventy run, not once per page
 * (src/render/nunjucks-compile-cache.ts), and the pages are what they would be otherwise.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedSite } from '../helpers/generated-site.ts';

const MINUTES = 60;

describe('compiled Nunjucks strings', () => {
  let work: string;
  let site: string;
  const compiled: string[] = [];

  beforeAll(async () => {
    // Every compile of the nunjucks Eleventy uses, as the source it was given.
    const eleventyRequire = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'));
    const compiler = eleventyRequire('nunjucks/src/compiler.js') as { compile: (source: string, ...rest: unknown[]) => string };
    const compile = compiler.compile;
    compiler.compile = (source, ...rest) => {
      compiled.push(source);
      return compile(source, ...rest);
    };
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-njk-'));
    try {
      site = await generatedSite(work, { minutes: MINUTES, groups: 3, seed: 11 }, { index: false });
    } finally {
      compiler.compile = compile;
    }
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('compiles the strings of a paginated template once, not for every page', () => {
    const meetingBodies = compiled.filter((source) => source.includes('{% include "pages/meeting.njk" %}'));
    expect(meetingBodies).toHaveLength(1);
    // Every template, include and layout once, and nothing per page (each meeting page compiled six
    // strings of its own before: 6,538 compiles for 1,000 minutes).
    expect(compiled.length).toBeLessThan(MINUTES);
  });

  it('renders each page with its own data', async () => {
    const archive = JSON.parse(await readFile(path.join(site, 'data', 'archive.json'), 'utf8')) as { meetings: { id: string; date: string; title: string }[] };
    expect(archive.meetings).toHaveLength(MINUTES);
    for (const meeting of archive.meetings) {
      const page = await readFile(path.join(site, 'zapisy', meeting.id, 'index.html'), 'utf8');
      expect(page).toContain(`data-pagefind-sort="datum:${meeting.date}"`);
      expect(page).toContain(meeting.title);
    }
  });
});
