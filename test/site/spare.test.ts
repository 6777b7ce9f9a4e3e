/**
 * Builds into the spare (render/atomic.ts, render/spare.ts): the replaced site is kept and the next
 * build is produced in it. Whatever the spare keeps may be the very file the published site serves,
 * so these tests check that a build never writes through such a file, that what it publishes equals
 * a build from nothing, and that the spare is really used.
 */
import { appendFile, link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { buildSite } from '../../src/cli/build.ts';
import { writeDirectoryAtomically } from '../../src/render/atomic.ts';
import { surveySpare, tidySpare } from '../../src/render/spare.ts';
import { surveySpareInWorker } from '../../src/render/spare-survey.ts';
import { ROOT, listFiles, snapshot } from './support.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kpss-spare-'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

describe('tidySpare', () => {
  const page = (name: string) => `zapisy/${name}/index.html`;

  /** A published site and a spare that holds some of its files as links and some of its own. */
  async function published(name: string) {
    const site = path.join(work, name, 'site');
    const spare = path.join(work, name, 'spare');
    for (const page of [...'abcdefgh']) await put(path.join(site, 'zapisy', page, 'index.html'), `page ${page}`);
    for (const page of [...'abcdefg']) {
      await mkdir(path.join(spare, 'zapisy', page), { recursive: true });
      await link(path.join(site, 'zapisy', page, 'index.html'), path.join(spare, 'zapisy', page, 'index.html'));
    }
    await put(path.join(spare, 'zapisy', 'gone', 'index.html'), 'a minute deleted since');
    await put(path.join(spare, 'index.html'), 'home of the spare');
    await put(path.join(spare, 'pagefind', 'shards.json'), '{}');
    const stats = new Map<string, Stats>();
    for (const file of await listFiles(site)) stats.set(file, await stat(path.join(site, file)));
    return { site, spare, stats };
  }

  it('keeps the reused files it holds as the published ones and removes everything else but the reserved folders', async () => {
    const { spare, stats } = await published('tidy');
    // b is rendered anew this time; h is reused but not in the spare.
    const reused = [...'acdefgh'].map(page);
    // Surveyed in a worker thread, as a build does (a worker that cannot load would cost a warm
    // build the survey in its main thread, unseen), and the same as in this one.
    const survey = await surveySpareInWorker(spare, ['pagefind']);
    expect(survey).toEqual(surveySpare(spare, new Set(['pagefind'])));
    expect(survey.map((f) => f.file).sort()).toEqual(['index.html', ...[...'abcdefg'].map(page), 'zapisy/gone/index.html'].sort());
    const tidied = tidySpare(spare, reused, stats, survey);
    expect(tidied?.toLink).toEqual([page('h')]);
    expect(await listFiles(spare)).toEqual(['pagefind/shards.json', ...[...'acdefg'].map(page)]);
    // Emptied folders go too: nothing published should be an empty folder a full build lacks.
    expect(existsSync(path.join(spare, 'zapisy', 'gone'))).toBe(false);
    expect(existsSync(path.join(spare, 'zapisy', 'b'))).toBe(false);
  });

  it('removes a reused file that is not the published one (a copy, not a link)', async () => {
    const { spare, stats } = await published('copy');
    await rm(path.join(spare, 'zapisy', 'a', 'index.html'));
    await writeFile(path.join(spare, 'zapisy', 'a', 'index.html'), 'page a');
    const tidied = tidySpare(spare, [...'abcdefg'].map(page), stats, surveySpare(spare, new Set()));
    expect(tidied?.toLink).toEqual([page('a')]);
    expect(await listFiles(spare)).toEqual([...'bcdefg'].map(page));
  });

  it('changes nothing when the spare holds less of the build than it would have to remove', async () => {
    const { spare, stats } = await published('little');
    const before = await listFiles(spare);
    expect(tidySpare(spare, [page('a'), page('b')], stats, surveySpare(spare, new Set()))).toBeUndefined();
    expect(await listFiles(spare)).toEqual(before);
  });
});

describe('writeDirectoryAtomically with a spare', () => {
  it('keeps the replaced directory as the spare and produces the next one in it', async () => {
    const target = path.join(work, 'atomic', '_site');
    const seen: { fromSpare: boolean; files: string[] }[] = [];
    const produce = (text: string) => async (dir: string, staging: { fromSpare: boolean }) => {
      seen.push({ fromSpare: staging.fromSpare, files: await listFiles(dir) });
      await rm(path.join(dir, 'index.html'), { force: true });
      await writeFile(path.join(dir, 'index.html'), text);
    };
    await writeDirectoryAtomically(target, produce('one'), { spare: true });
    await writeDirectoryAtomically(target, produce('two'), { spare: true });
    expect(await readdir(path.dirname(target))).toEqual(['._site.spare', '_site']);
    await writeDirectoryAtomically(target, produce('three'), { spare: true });
    expect(seen.map((s) => s.fromSpare)).toEqual([false, false, true]);
    expect(seen[2]!.files).toEqual(['index.html']);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('three');
    expect(await readFile(path.join(path.dirname(target), '._site.spare', 'index.html'), 'utf8')).toBe('two');
  });

  it('publishes a fresh directory when the producer sets the spare aside', async () => {
    const target = path.join(work, 'discard', '_site');
    const write = (text: string) => async (dir: string) => writeFile(path.join(dir, 'index.html'), text);
    await writeDirectoryAtomically(target, write('one'), { spare: true });
    await writeDirectoryAtomically(target, async (dir) => writeFile(path.join(dir, 'page.html'), 'two'), { spare: true });
    await writeDirectoryAtomically(
      target,
      async (dir, staging) => {
        expect(staging.fromSpare).toBe(true);
        await staging.discardSpare();
        expect(await readdir(dir)).toEqual([]);
        await writeFile(path.join(dir, 'index.html'), 'three');
      },
      { spare: true },
    );
    expect(await listFiles(target)).toEqual(['index.html']);
    expect(await readFile(path.join(target, 'page.html'), 'utf8').catch(() => 'none')).toBe('none');
  });

  it('removes a spare that nobody will build into', async () => {
    const parent = path.join(work, 'unused');
    await put(path.join(parent, '._site.spare', 'index.html'), 'old');
    await writeDirectoryAtomically(path.join(parent, '_site'), async (dir) => writeFile(path.join(dir, 'index.html'), 'new'));
    expect(existsSync(path.join(parent, '._site.spare'))).toBe(false);
  });
});

describe('a build into the spare', () => {
  it('never writes through a file of the published site, uses the spare, and equals a build from nothing', { timeout: 300_000 }, async () => {
    const root = path.join(work, 'archive');
    const { files } = await generateArchive({ root, minutes: 30, groups: 3, seed: 11, repoRoot: ROOT });
    const out = path.join(work, 'published');
    const build = async (outDir: string, cacheDir: string | undefined) => {
      const built = await buildSite({ root, outDir, basePath: '/', cacheDir, searchShardPages: 8 });
      expect(built.ok).toBe(true);
    };
    const cache = path.join(work, 'cache');
    await build(out, cache);
    const firstDir = (await stat(out)).ino;
    await appendFile(path.join(root, files[3]!), '\nDoplněno po jednání.\n');
    await build(out, cache);
    const published = await snapshot(out);

    await appendFile(path.join(root, files[17]!), '\nJeště jedna věta k zápisu.\n');
    await build(out, cache);
    // The site published before is the spare now, exactly as it was published.
    expect(await snapshot(path.join(work, '.published.spare'))).toEqual(published);
    // This build went into the first build's directory: the spare was used.
    expect((await stat(out)).ino).toBe(firstDir);

    await build(path.join(work, 'fresh'), undefined);
    expect(await snapshot(out)).toEqual(await snapshot(path.join(work, 'fresh')));
  });
});
