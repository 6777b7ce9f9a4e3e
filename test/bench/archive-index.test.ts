/**
 * The archive index (a StatIndex, src/pipeline/stat-index.ts): a warm run takes an unchanged file's summary
 * from one file, trusting its stat only when the file was last modified well before a run; an edit
 * is always seen, and the result equals a run without cache.
 */
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { REPO_ROOT } from '../../src/bench/run.ts';
import { analyzeArchive } from '../../src/pipeline/analyze-archive.ts';
import { FILE_START } from '../../src/diagnostics/diagnostic.ts';
import { diagnose } from '../../src/diagnostics/create.ts';
import { ARCHIVE_INDEX_CODEC, type IndexedFile } from '../../src/pipeline/archive-index.ts';
import { unseal } from '../../src/pipeline/seal.ts';
import { StatIndex, statSignature, trustedStat, unchangedByStat, type EntryCodec } from '../../src/pipeline/stat-index.ts';

let work: string;
let root: string;
let cacheDir: string;
let files: string[];

const HOUR_AGO = new Date(Date.now() - 3_600_000);

async function ageAll(): Promise<void> {
  for (const file of files) await utimes(file, HOUR_AGO, HOUR_AGO);
}

/** The index as the next run reads it: the base file and the changes beside it. */
async function savedIndex(): Promise<Map<string, IndexedFile>> {
  const saved = await savedIndexFile();
  return new StatIndex<IndexedFile>(cacheDir, 'index', root, saved.salt, ARCHIVE_INDEX_CODEC).read();
}

/** The base file of the archive index as it stands on disk. */
async function savedIndexFile(): Promise<{ salt: string; entries: [string, unknown][] }> {
  const name = (await readdir(cacheDir)).find((f) => f.startsWith('index-') && f.endsWith('.json'));
  expect(name, 'the archive index is written').toBeDefined();
  const saved = unseal<{ salt: string; entries: [string, unknown][] }>(await readFile(path.join(cacheDir, name!)));
  expect(saved, 'the archive index verifies').toBeDefined();
  return saved!;
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

  it('keeps the stat only of files modified well before the run, by the precision of their times', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await ageAll();
    const now = Date.now();
    await appendFile(files[0]!, '\nDoplněno.\n');
    await utimes(files[0]!, new Date(now + 1000), new Date(now + 1000));
    // 1.5 to 2.5 s ago, never on a whole second (which would read as a file system keeping whole
    // seconds, whose times are trusted only after three): a file system with fine times.
    const fine = new Date((Math.floor(now / 1000) - 1) * 1000 - 499);
    await utimes(files[2]!, fine, fine);
    await analyzeArchive(root, undefined, { cacheDir });
    const index = await savedIndex();
    expect(index.size).toBe(files.length);
    const shown = (file: string) => path.relative(root, file).split(path.sep).join('/');
    expect(index.get(shown(files[0]!))?.stat, 'edited during the run: read and hashed next time').toBeUndefined();
    expect(index.get(shown(files[1]!))?.stat).toMatch(/^\d+:[\d.]+:\d+$/);
    expect(index.get(shown(files[2]!))?.stat, 'fine times: a moment is enough').toMatch(/^\d+:[\d.]+:\d+$/);
  });

  it('trusts whole-second times only three seconds after the change', () => {
    // The run's start is given, so this does not depend on how fast the machine is.
    const start = 1_700_000_010_000;
    const stats = (mtimeMs: number) => ({ size: 10, mtimeMs, ino: 7 }) as Stats;
    expect(trustedStat(stats(start - 2000), start), 'whole seconds, 2 s ago').toBeUndefined();
    expect(trustedStat(stats(start - 4000), start), 'whole seconds, 4 s ago').toBe(`10:${start - 4000}:7`);
    expect(trustedStat(stats(start - 1999.5), start), 'fine times, 2 s ago').toBe(`10:${start - 1999.5}:7`);
    expect(trustedStat(stats(start - 50.5), start), 'fine times, within the kernel tick margin').toBeUndefined();
    // The signature a run made already, once per file, is the one kept.
    const seen = stats(start - 4000);
    expect(trustedStat(seen, start, statSignature(seen))).toBe(`10:${start - 4000}:7`);
    expect(unchangedByStat({ stat: `10:${start - 4000}:7` }, statSignature(seen))).toBe(true);
    expect(unchangedByStat({ stat: `10:${start - 4000}:7` }, statSignature(stats(start - 3999)))).toBe(false);
    expect(unchangedByStat({}, statSignature(seen)), 'a file whose stat was not kept').toBe(false);
  });

  it('answers a warm check from the index alone, as a run without cache does', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await ageAll();
    await analyzeArchive(root, undefined, { cacheDir });
    await clearPerFileEntries();
    const warm = await analyzeArchive(root, undefined, { cacheDir, diagnosticsOnly: true });
    const none = await analyzeArchive(root);
    expect(warm.diagnostics).toEqual(none.diagnostics);
    expect(warm.minutes.map((m) => [m.id, m.meeting])).toEqual(none.minutes.map((m) => [m.id, m.meeting]));
    // Beside the index only the registers, kept since the first run (cached-registers.ts): no pack.
    expect((await readdir(cacheDir)).filter((f) => !f.startsWith('index-')), 'nothing was analysed again').toEqual(['registers.v8']);
  });

  it('takes a file it does not know from the cache, in a worker too, without analysing it again', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await analyzeArchive(root, undefined, { cacheDir, threads: 2 });
    for (const name of await readdir(cacheDir)) if (name.startsWith('index-')) await rm(path.join(cacheDir, name));
    const packs = await readdir(path.join(cacheDir, 'packs'));
    const again = await analyzeArchive(root, undefined, { cacheDir, needBodies: true, threads: 2 });
    const none = await analyzeArchive(root);
    expect(again.diagnostics).toEqual(none.diagnostics);
    expect(again.analyzed.map((a) => [a.extracted, a.body.html])).toEqual(none.analyzed.map((a) => [a.extracted, a.body.html]));
    expect(await readdir(path.join(cacheDir, 'packs')), 'nothing was analysed again').toEqual(packs);
    expect((await savedIndex()).size).toBe(files.length);
  });

  it('takes the analysis of the same archive checked out elsewhere from the cache', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await analyzeArchive(root, undefined, { cacheDir });
    // Another CI workspace, or the folder moved: the same files under another path.
    const elsewhere = path.join(work, 'elsewhere', 'archive');
    await cp(root, elsewhere, { recursive: true });
    try {
      const packs = await readdir(path.join(cacheDir, 'packs'));
      const moved = await analyzeArchive(elsewhere, undefined, { cacheDir, needBodies: true });
      const none = await analyzeArchive(elsewhere);
      expect(moved.diagnostics).toEqual(none.diagnostics);
      expect(moved.analyzed.map((a) => [a.extracted, a.body.html])).toEqual(none.analyzed.map((a) => [a.extracted, a.body.html]));
      expect(await readdir(path.join(cacheDir, 'packs')), 'nothing was analysed again').toEqual(packs);
    } finally {
      await rm(path.join(work, 'elsewhere'), { recursive: true, force: true });
    }
  });

  it('is found when the archive moves with its cache', async () => {
    const moving = path.join(work, 'moving', 'archive');
    await cp(root, moving, { recursive: true });
    const movingCache = path.join(moving, '.cache', 'minutes');
    const movedTo = path.join(work, 'moved', 'archive');
    try {
      for (const file of await readdir(path.join(moving, 'minutes'), { recursive: true })) {
        if (file.endsWith('.md')) await utimes(path.join(moving, 'minutes', file), HOUR_AGO, HOUR_AGO);
      }
      await analyzeArchive(moving, undefined, { cacheDir: movingCache, diagnosticsOnly: true });
      const indexes = (await readdir(movingCache)).filter((f) => f.startsWith('index-'));
      expect(indexes).toHaveLength(1);
      // A folder renamed keeps its files' inodes and times: the index still vouches for them.
      await mkdir(path.dirname(movedTo), { recursive: true });
      await rename(moving, movedTo);
      const moved = await analyzeArchive(movedTo, undefined, { cacheDir: path.join(movedTo, '.cache', 'minutes'), diagnosticsOnly: true });
      expect(moved.diagnostics).toEqual((await analyzeArchive(movedTo)).diagnostics);
      expect((await readdir(path.join(movedTo, '.cache', 'minutes'))).filter((f) => f.startsWith('index-')), 'the same index, no other').toEqual(indexes);
    } finally {
      await rm(path.join(work, 'moving'), { recursive: true, force: true });
      await rm(path.join(work, 'moved'), { recursive: true, force: true });
    }
  });

  it('gives the frontmatter of a cached minute, from its body, as a run without cache does', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await ageAll();
    await analyzeArchive(root, undefined, { cacheDir });
    const warm = await analyzeArchive(root, undefined, { cacheDir });
    const none = await analyzeArchive(root);
    expect(warm.analyzed.map((a) => a.minute.frontmatter)).toEqual(none.analyzed.map((a) => a.minute.frontmatter));
    expect(none.analyzed.length).toBe(files.length);
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

  it('keeps a minute without problems as a row, and reads it back as it was; any other entry stays as it is', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await analyzeArchive(root, undefined, { cacheDir });
    const stored = (await savedIndexFile()).entries;
    const read = await savedIndex();
    const withoutProblems = (entry: IndexedFile) => !entry.summary.check.length && !entry.summary.extract.length;
    expect([...read.values()].filter(withoutProblems).length, 'most minutes have no problems').toBeGreaterThan(1);
    for (const [file, value] of stored) expect(Array.isArray(value), file).toBe(withoutProblems(read.get(file)!));
    // What a run without the index made, entry by entry (summaries from the analysis itself).
    const none = await analyzeArchive(root);
    expect(none.minutes.map((m) => [m.id, m.meeting])).toEqual([...read.values()].map((e) => [e.summary.minute!.id, e.summary.minute!.meeting]));
    for (const entry of read.values()) expect(ARCHIVE_INDEX_CODEC.decode(JSON.parse(JSON.stringify(ARCHIVE_INDEX_CODEC.encode(entry))))).toEqual(entry);

    const [plain] = read.values();
    const problem = diagnose('empty-file', 'minutes/x.md', FILE_START);
    const warned: IndexedFile = { ...plain!, summary: { ...plain!.summary, extract: [problem] } };
    const ownYaml: IndexedFile = { ...plain!, summary: { ...plain!.summary, minute: { ...plain!.summary.minute!, yamlText: 'group: x' } } };
    const failed: IndexedFile = { key: plain!.key, summary: { check: [problem], extract: [] } };
    for (const entry of [warned, ownYaml, failed]) expect(ARCHIVE_INDEX_CODEC.encode(entry)).toBe(entry);
  });
});

describe('StatIndex changes file', () => {
  let dir: string;
  type Entry = { key: string; stat?: string };
  const same = (a: Entry, b: Entry) => a.key === b.key;
  const entries = (n: number, version = 0) => new Map(Array.from({ length: n }, (_, i): [string, Entry] => [`f${i}`, { key: `k${i}.${version}` }]));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpss-stat-index-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Entries kept as rows, as the archive index keeps most of its own. */
  const rows: EntryCodec<Entry> = {
    encode: (entry) => [entry.key, entry.stat ?? null],
    decode: (stored) => {
      const [key, stat] = stored as [string, string | null];
      return stat === null ? { key } : { key, stat };
    },
  };

  it.each([
    ['as they are', undefined],
    ['through a codec', rows],
  ])('saves a few changes beside the index, rewrites it for many, and reads both back (entries %s)', async (kind, codec) => {
    const open = () => new StatIndex<Entry>(dir, `index-${kind}`, '/archive', 'salt', codec);
    const first = open();
    first.read();
    await first.save(entries(1000), same);
    const base = await readFile(first.file);

    const second = open();
    const few = new Map(second.read());
    few.set('f7', { key: 'changed' });
    few.delete('f8');
    await second.save(few, same);
    expect(await readFile(second.file), 'the index itself is not rewritten').toEqual(base);
    expect((await stat(second.changesFile)).size).toBeLessThan(base.length / 10);
    expect(open().read()).toEqual(few);

    const unchanged = open();
    const written = (await stat(unchanged.changesFile)).mtimeMs;
    await unchanged.save(new Map(unchanged.read()), same);
    expect((await stat(unchanged.changesFile)).mtimeMs, 'nothing changed, nothing written').toBe(written);

    const third = open();
    third.read();
    const many = entries(1000, 1);
    await third.save(many, same);
    expect(await readFile(third.file)).not.toEqual(base);
    await expect(stat(third.changesFile), 'the changes are in the index now').rejects.toThrow();
    expect(open().read()).toEqual(many);
  });

  it('ignores changes made to another version of the index', async () => {
    const open = () => new StatIndex<Entry>(dir, 'other', '/archive', 'salt');
    const a = open();
    a.read();
    await a.save(entries(200), same);
    const b = open();
    const changed = new Map(b.read()).set('f1', { key: 'changed' });
    await b.save(changed, same);
    const stale = await readFile(b.changesFile);
    const c = open();
    c.read();
    await c.save(entries(200, 2), same);
    await writeFile(c.changesFile, stale);
    expect(open().read()).toEqual(entries(200, 2));
  });
});
