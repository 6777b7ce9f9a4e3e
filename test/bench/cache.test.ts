/**
 * The per-file cache: a warm run gives the diagnostics and the site bytes of a cold run (and of a
 * run without cache); a corrupted entry is detected by its checksum and rebuilt, never trusted.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile, mkdtemp, appendFile, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { REPO_ROOT } from '../../src/bench/run.ts';
import { buildSite } from '../../src/cli/build.ts';
import { textStoreOf } from '../../src/model/stored-text.ts';
import { analyzeArchive } from '../../src/pipeline/analyze-archive.ts';
import { cacheEntries, damageEntry, dropEntries, entryBytes, entryVerifies } from '../helpers/cache-packs.ts';

let work: string;
let root: string;
let cacheDir: string;

async function siteDigest(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return out;
}

describe('per-file cache', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-cache-'));
    root = path.join(work, 'archive');
    cacheDir = path.join(work, 'cache');
    await generateArchive({ root, minutes: 12, groups: 5, repoRoot: REPO_ROOT });
    // A minute with problems, so diagnostics are compared too.
    await writeFile(path.join(root, 'minutes', '2010', '2010-05-05-nic.md'), '---\ntitle: x\ndate: 2010-05-06\n---\n\nText.\n', { flag: 'w' }).catch(async () => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(path.join(root, 'minutes', '2010'), { recursive: true });
      await writeFile(path.join(root, 'minutes', '2010', '2010-05-05-nic.md'), '---\ntitle: x\ndate: 2010-05-06\n---\n\nText.\n');
    });
  }, 120_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('gives the same diagnostics cold, warm and without cache', async () => {
    const none = await analyzeArchive(root);
    await rm(cacheDir, { recursive: true, force: true });
    const cold = await analyzeArchive(root, undefined, { cacheDir });
    const warm = await analyzeArchive(root, undefined, { cacheDir });
    expect(none.diagnostics.length).toBeGreaterThan(0);
    expect(cold.diagnostics).toEqual(none.diagnostics);
    expect(warm.diagnostics).toEqual(none.diagnostics);
    expect(warm.minutes.map((m) => m.id)).toEqual(none.minutes.map((m) => m.id));
    expect(JSON.parse(JSON.stringify(warm.analyzed.map((a) => a.extracted)))).toEqual(JSON.parse(JSON.stringify(none.analyzed.map((a) => a.extracted))));
  }, 120_000);

  it('builds byte-identical sites cold, warm, after a change, and without cache', async () => {
    await rm(path.join(root, 'minutes', '2010'), { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    const build = async (name: string, cache: boolean) => {
      const outDir = path.join(work, name);
      const result = await buildSite({ root, outDir, cacheDir: cache ? cacheDir : undefined });
      expect(result.ok, name).toBe(true);
      return siteDigest(outDir);
    };
    const none = await build('none', false);
    const cold = await build('cold', true);
    const warm = await build('warm', true);
    expect(cold).toEqual(none);
    expect(warm).toEqual(none);
    const minutes = (await readdir(path.join(root, 'minutes'), { recursive: true })).filter((f) => f.endsWith('.md')).sort();
    await appendFile(path.join(root, 'minutes', minutes[3]!), '\n- **Naděje.** Doplněno po jednání.\n');
    const changedWarm = await build('changed-warm', true);
    const changedNone = await build('changed-none', false);
    expect(changedWarm).toEqual(changedNone);
    expect(changedWarm).not.toEqual(none);
  }, 300_000);

  it('detects a corrupted entry by its checksum and rebuilds it', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    const cold = await analyzeArchive(root, undefined, { cacheDir, needBodies: true });
    const entries = cacheEntries(cacheDir);
    expect(entries.size).toBeGreaterThan(0);
    // Same length, one character changed, so only the checksum can tell.
    for (const location of entries.values()) {
      const text = entryBytes(location).toString('latin1');
      damageEntry(location, text.includes('"check"') ? text.indexOf('"check"') + 1 : undefined);
    }
    const again = await analyzeArchive(root, undefined, { cacheDir, needBodies: true });
    expect(again.diagnostics).toEqual(cold.diagnostics);
    expect(JSON.stringify(again.analyzed.map((a) => a.extracted))).toEqual(JSON.stringify(cold.analyzed.map((a) => a.extracted)));
    // Rebuilt: the entries verify again.
    const third = await analyzeArchive(root, undefined, { cacheDir, needBodies: true });
    expect(third.diagnostics).toEqual(cold.diagnostics);
    const rebuilt = cacheEntries(cacheDir);
    expect([...rebuilt.keys()].sort()).toEqual([...entries.keys()].sort());
    for (const [name, location] of rebuilt) expect(entryVerifies(location), name).toBe(true);
  }, 120_000);

  it("reads a minute's text only when asked, and makes it again when its entry is damaged or gone", async () => {
    await rm(cacheDir, { recursive: true, force: true });
    const texts = (archive: Awaited<ReturnType<typeof analyzeArchive>>) => JSON.stringify(archive.analyzed.map((a) => a.body));
    const none = await analyzeArchive(root, undefined, { needBodies: true });
    await analyzeArchive(root, undefined, { cacheDir, needBodies: true });
    const textEntries = [...cacheEntries(cacheDir)].filter(([name]) => name.endsWith('.t')).sort(([a], [b]) => a.localeCompare(b));
    expect(textEntries.length).toBe(none.analyzed.length);
    const [gone, damaged] = textEntries;
    dropEntries(cacheDir, (name) => name === gone![0]);
    damageEntry(damaged![1]);
    const warm = await analyzeArchive(root, undefined, { cacheDir, needBodies: true });
    // Held by reference, under the key of the file they were made from.
    expect(warm.analyzed.every((a) => textStoreOf(a.body)?.id.length === 64)).toBe(true);
    expect(texts(warm)).toBe(texts(none));
    // Written again as they were made.
    const after = cacheEntries(cacheDir);
    for (const [name, before] of [gone!, damaged!]) {
      expect(after.get(name), name).not.toEqual(before);
      expect(entryVerifies(after.get(name)!), name).toBe(true);
    }
  }, 120_000);

  it('says so in Czech when a minute whose text must be made again has changed since the build began', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    // Files old enough to be vouched for by their stat, so a warm run does not read them.
    const minutes = (await readdir(path.join(root, 'minutes'), { recursive: true })).filter((f) => f.endsWith('.md'));
    for (const file of minutes) await utimes(path.join(root, 'minutes', file), new Date('2020-01-01'), new Date('2020-01-01'));
    await analyzeArchive(root, undefined, { cacheDir, needBodies: true });
    const warm = await analyzeArchive(root, undefined, { cacheDir, needBodies: true });
    const minute = warm.analyzed[0]!;
    for (const [name, location] of cacheEntries(cacheDir)) if (name.endsWith('.t')) damageEntry(location);
    await appendFile(path.join(root, minute.minute.parsed.source.path), '\nDoplněno.\n');
    expect(() => minute.body.html).toThrow(/soubor se během sestavení změnil, spusťte sestavení znovu/);
    // An unchanged one is simply analysed again.
    expect(warm.analyzed[1]!.body.html).toContain('<');
  }, 120_000);
});
