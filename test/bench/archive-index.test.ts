/**
 * The archive index (a StatIndex, src/pipeline/stat-index.ts): a warm run takes an unchanged file's summary
 * from one file, trusting its stat only when the file was last modified well before a run; an edit
 * is always seen, and the result equals a run without cache.
 */
import { readFile, readdir, rm, mkdtemp, utimes, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { REPO_ROOT } from '../../src/bench/run.ts';
import { analyzeArchive } from '../../src/pipeline/analyze-archive.ts';
import { unseal } from '../../src/pipeline/cache.ts';

let work: string;
let root: string;
let cacheDir: string;
let files: string[];

const HOUR_AGO = new Date(Date.now() - 3_600_000);

async function ageAll(): Promise<void> {
  for (const file of files) await utimes(file, HOUR_AGO, HOUR_AGO);
}

async function savedIndex(): Promise<Map<string, { stat?: string; key: string }>> {
  const name = (await readdir(cacheDir)).find((f) => f.startsWith('index-') && f.endsWith('.json'));
  expect(name, 'the archive index is written').toBeDefined();
  const saved = unseal<{ entries: [string, { stat?: string; key: string }][] }>(await readFile(path.join(cacheDir, name!)));
  expect(saved, 'the archive index verifies').toBeDefined();
  return new Map(saved!.entries);
}

async function clearPerFileEntries(): Promise<void> {
  for (const dir of await readdir(cacheDir, { withFileTypes: true })) if (dir.isDirectory()) await rm(path.join(cacheDir, dir.name), { recursive: true });
}

describe('archive index', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-index-'));
    root = path.join(work, 'archive');
    cacheDir = path.join(work, 'cache');
    await generateArchive({ root, minutes: 8, groups: 3, repoRoot: REPO_ROOT });
    files = (await readdir(path.join(root, 'minutes'), { recursive: true })).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(root, 'minutes', f));
  }, 120_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('keeps the stat only of files modified well before the run', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await ageAll();
    await appendFile(files[0]!, '\nDoplněno.\n');
    await analyzeArchive(root, undefined, { cacheDir });
    const index = await savedIndex();
    expect(index.size).toBe(files.length);
    const shown = (file: string) => path.relative(root, file).split(path.sep).join('/');
    expect(index.get(shown(files[0]!))?.stat, 'just edited: read and hashed next time').toBeUndefined();
    expect(index.get(shown(files[1]!))?.stat).toMatch(/^\d+:[\d.]+:\d+$/);
  });

  it('answers a warm run from the index alone, as a run without cache does', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await ageAll();
    await analyzeArchive(root, undefined, { cacheDir });
    await clearPerFileEntries();
    const warm = await analyzeArchive(root, undefined, { cacheDir });
    const none = await analyzeArchive(root);
    expect(warm.diagnostics).toEqual(none.diagnostics);
    expect(warm.minutes.map((m) => m.id)).toEqual(none.minutes.map((m) => m.id));
    expect(warm.minutes.map((m) => m.frontmatter)).toEqual(none.minutes.map((m) => m.frontmatter));
    expect((await readdir(cacheDir)).filter((f) => !f.startsWith('index-')), 'nothing was analysed again').toEqual([]);
  });

  it('sees an edit, even one that keeps the size, and a deleted file', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await ageAll();
    await analyzeArchive(root, undefined, { cacheDir });
    const text = await readFile(files[2]!, 'utf8');
    // Same length, the date changed: the modification time tells the index.
    const edited = text.replace(/^date: (\d{4})-/m, (_, year: string) => `date: ${Number(year) + 1}-`);
    expect(edited.length).toBe(text.length);
    await writeFile(files[2]!, edited);
    await rm(files[3]!);
    const warm = await analyzeArchive(root, undefined, { cacheDir });
    const none = await analyzeArchive(root);
    expect(warm.diagnostics).toEqual(none.diagnostics);
    expect(warm.diagnostics.some((d) => d.rule === 'date-mismatch' || d.rule === 'file-name')).toBe(true);
    expect(warm.minutes.length).toBe(files.length - 1);
  });

  it('is ignored when damaged, and rebuilt', async () => {
    const name = (await readdir(cacheDir)).find((f) => f.startsWith('index-'))!;
    const bytes = await readFile(path.join(cacheDir, name));
    bytes[bytes.length - 10] = bytes[bytes.length - 10] === 0x41 ? 0x42 : 0x41;
    await writeFile(path.join(cacheDir, name), bytes);
    const warm = await analyzeArchive(root, undefined, { cacheDir });
    const none = await analyzeArchive(root);
    expect(warm.diagnostics).toEqual(none.diagnostics);
    expect((await savedIndex()).size).toBe(files.length - 1);
  });

  it('keeps the other files when only some are checked', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await analyzeArchive(root, undefined, { cacheDir });
    const before = await savedIndex();
    const some = (await readdir(path.join(root, 'minutes'), { recursive: true })).filter((f) => f.endsWith('.md')).sort().slice(0, 2);
    await appendFile(path.join(root, 'minutes', some[0]!), '\nDoplněno.\n');
    await analyzeArchive(root, some.map((f) => path.join(root, 'minutes', f)), { cacheDir });
    const after = await savedIndex();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const shown = `minutes/${some[0]!.split(path.sep).join('/')}`;
    expect(after.get(shown)!.key).not.toBe(before.get(shown)!.key);
  });
});
