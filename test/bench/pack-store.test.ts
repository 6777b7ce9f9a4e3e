/**
 * The cache's packs: entries appended by several writers are found by a fresh reader and by a
 * refresh; anything cut short or damaged reads as missing; merging keeps exactly the live entries.
 */
import { appendFileSync, mkdirSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileCache } from '../../src/pipeline/cache.ts';
import { MAX_PACKS, PackStore, SEARCHED_LOOKUPS, smallPacksToMerge } from '../../src/pipeline/pack-store.ts';
import { damageEntry } from '../helpers/cache-packs.ts';

let dir: string;
const bytes = (text: string) => Buffer.from(text);
const packFiles = () => readdirSync(dir).filter((name) => name.endsWith('.pack'));

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kpss-packs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pack store', () => {
  it('finds what several writers appended, each in a pack of its own', () => {
    const a = new PackStore(dir);
    const b = new PackStore(dir);
    expect(a.get('x.s')).toBeUndefined();
    expect(a.put('x.s', bytes('první'))).toBe(true);
    expect(b.put('y.s', bytes('druhý'))).toBe(true);
    expect(a.put('z.t', bytes('třetí\n{"a":1}'))).toBe(true);
    expect(packFiles()).toHaveLength(2);
    const reader = new PackStore(dir);
    expect(reader.get('x.s')?.toString()).toBe('první');
    expect(reader.get('y.s')?.toString()).toBe('druhý');
    expect(reader.get('z.t')?.toString()).toBe('třetí\n{"a":1}');
    // A reader sees what was appended after it first looked only once refreshed.
    b.put('w.b', bytes('pozdě'));
    expect(reader.get('w.b')).toBeUndefined();
    reader.refresh();
    expect(reader.get('w.b')?.toString()).toBe('pozdě');
  });

  it('writes a batch when it is full, when it ends, and before its own entry is read', () => {
    const writer = new PackStore(dir);
    writer.startBatch();
    expect(writer.put('a.s', bytes('první'))).toBe(true);
    expect(new PackStore(dir).get('a.s'), 'gathered, not written yet').toBeUndefined();
    expect(writer.get('a.s')?.toString(), 'its writer reads it').toBe('první');
    expect(new PackStore(dir).get('a.s')?.toString(), 'written for that').toBe('první');
    writer.put('b.s', bytes('druhý'));
    const big = Buffer.alloc(2 ** 20, 0x61);
    writer.put('c.t', big);
    expect(new PackStore(dir).get('c.t')?.equals(big), 'a megabyte gathered is written').toBe(true);
    writer.put('d.s', bytes('čtvrtý'));
    expect(new PackStore(dir).get('d.s')).toBeUndefined();
    writer.endBatch();
    const reader = new PackStore(dir);
    expect(['a.s', 'b.s', 'd.s'].map((name) => reader.get(name)?.toString())).toEqual(['první', 'druhý', 'čtvrtý']);
    writer.put('e.s', bytes('hned'));
    expect(new PackStore(dir).get('e.s')?.toString(), 'after the batch, written as put').toBe('hned');
    expect(packFiles()).toHaveLength(1);
  });

  it('keeps texts put in UTF-8, in a batch or not, however long, between entries of bytes', () => {
    const writer = new PackStore(dir);
    const czech = (n: number) => 'Příliš žluťoučký kůň úpěl ďábelské ódy 😀 '.repeat(n);
    // The longest is over three batches in UTF-8, and more than the batch's buffer (two batches) could take.
    const texts = [czech(1), czech(3_000), czech(60_000), '', czech(2)];
    writer.putText('t0.t', texts[0]!);
    writer.startBatch();
    texts.slice(1).forEach((text, i) => {
      expect(writer.put(`b${i}.s`, bytes(`bajty ${i}`))).toBe(true);
      expect(writer.putText(`t${i + 1}.t`, text)).toBe(true);
    });
    writer.endBatch();
    const reader = new PackStore(dir);
    expect(texts.map((_, i) => reader.get(`t${i}.t`)?.toString('utf8'))).toEqual(texts);
    expect(texts.slice(1).map((_, i) => reader.get(`b${i}.s`)?.toString())).toEqual(texts.slice(1).map((_, i) => `bajty ${i}`));
    expect(Buffer.byteLength(texts[2]!)).toBeGreaterThan(3 * 2 ** 20);
  });

  it('takes a damaged, cut-short or half-indexed entry for missing', () => {
    const writer = new PackStore(dir);
    writer.put('a.s', bytes('celý záznam'));
    writer.put('b.s', bytes('poškozený záznam'));
    writer.put('c.s', bytes('useknutý záznam'));
    const [location] = [...new PackStore(dir).entries()].filter(([name]) => name === 'b.s').map(([, l]) => l);
    damageEntry(location!);
    const pack = path.join(dir, packFiles()[0]!);
    truncateSync(pack, new PackStore(dir).entries().get('c.s')!.offset + 10);
    const index = pack.replace(/\.pack$/, '.idx');
    appendFileSync(index, 'd.s 0 1'); // A line whose writer stopped before its end.
    const reader = new PackStore(dir);
    expect(reader.get('a.s')?.toString()).toBe('celý záznam');
    expect(reader.get('b.s')).toBeUndefined();
    expect(reader.get('c.s')).toBeUndefined();
    expect(reader.get('d.s')).toBeUndefined();
    expect([...reader.entries().keys()].sort()).toEqual(['a.s', 'b.s', 'c.s']);
  });

  it('checks a record against its seal once per store, and not one written in its own run', () => {
    // Damage here stands for what the seal guards against between runs; within a run a record is
    // never rewritten, so what the checks skip cannot differ from what was written.
    const writer = new PackStore(dir, 'run1');
    writer.put('a.s', bytes('záznam téhož běhu'));
    writer.put('b.s', bytes('záznam ověřený jednou'));
    const entries = new PackStore(dir).entries();
    const sameRun = new PackStore(dir, 'run1');
    const otherRun = new PackStore(dir);
    expect(otherRun.get('b.s')?.toString()).toBe('záznam ověřený jednou');
    damageEntry(entries.get('a.s')!);
    damageEntry(entries.get('b.s')!);
    expect(sameRun.get('a.s')?.toString(), 'written in its run: read as it is').toMatch(/^záznam téhož /);
    expect(otherRun.get('a.s'), 'of another run: checked').toBeUndefined();
    expect(otherRun.get('b.s')?.toString(), 'checked once already').toMatch(/^záznam ověřený /);
    expect(new PackStore(dir).get('b.s'), 'a new store checks it').toBeUndefined();
  });

  it('reads through one descriptor per pack while reading, as without, and closes them when it returns', () => {
    const a = new PackStore(dir);
    const b = new PackStore(dir);
    const names = Array.from({ length: 40 }, (_, i) => `${i}.s`);
    for (const [i, name] of names.entries()) (i % 2 ? a : b).put(name, bytes(`záznam ${i}`));
    const damaged = new PackStore(dir).entries().get('7.s')!;
    damageEntry(damaged);
    const descriptors = () => readdirSync('/proc/self/fd').length;
    const expected = names.map((name) => new PackStore(dir).get(name)?.toString());
    const reader = new PackStore(dir);
    const before = descriptors();
    const got = reader.reading(() => {
      const read = names.map((name) => reader.get(name)?.toString());
      // Nested: the same descriptors serve, and stay open until the outer call returns.
      expect(reader.reading(() => reader.get('0.s')?.toString())).toBe('záznam 0');
      expect(descriptors()).toBe(before + 2);
      return read;
    });
    expect(got).toEqual(expected);
    expect(got[7]).toBeUndefined();
    expect(got[8]).toBe('záznam 8');
    expect(descriptors()).toBe(before);
    // A pack gone meanwhile reads as missing, and a failing reader closes what it opened.
    const locations = new PackStore(dir).entries();
    const gone = locations.get('0.s')!.pack;
    rmSync(gone);
    const left = new PackStore(dir);
    expect(() =>
      left.reading(() => {
        const read = names.map((name) => left.get(name)?.toString());
        expect(read).toEqual(names.map((name, i) => (locations.get(name)!.pack === gone ? undefined : expected[i])));
        throw new Error('čtenář selhal');
      }),
    ).toThrow('čtenář selhal');
    expect(descriptors()).toBe(before);
  });

  it('answers its first lookups by searching the index lines as the catalogue built later does', () => {
    const first = new PackStore(dir);
    first.put('b.s', bytes('starší'));
    first.put('c.s', bytes('poslední platný'));
    first.put('b.s', bytes('novější'));
    first.put('x.s', bytes('ve druhé řadě'));
    // Its line ends with "b.s <offset> <length>" too, after the latest line of b.s.
    first.put('ab.s', bytes('delší jméno'));
    new PackStore(dir).put('y.s', bytes('jiný zapisovatel'));
    // The latest line of c.s is damaged: the one before it stands.
    appendFileSync(first.entries().get('b.s')!.pack.replace(/\.pack$/, '.idx'), 'c.s zlomek\n');
    const names = ['ab.s', 'b.s', 'c.s', 'x.s', 'y.s', 'chybí.s'];
    const reader = new PackStore(dir);
    reader.startBatch();
    const searched = names.map((name) => reader.get(name)?.toString());
    // Its own entries and those another writer appends, once refreshed, are found as well.
    reader.put('own.s', bytes('vlastní'));
    expect(reader.get('own.s')?.toString()).toBe('vlastní');
    first.put('late.s', bytes('pozdě'));
    expect(reader.get('late.s')).toBeUndefined();
    reader.refresh();
    expect(reader.get('late.s')?.toString()).toBe('pozdě');
    expect(searched).toEqual(['delší jméno', 'novější', 'poslední platný', 've druhé řadě', 'jiný zapisovatel', undefined]);

    // Past SEARCHED_LOOKUPS the catalogue answers: the same, and with what was searched and put meanwhile.
    for (let i = 0; i < SEARCHED_LOOKUPS; i++) reader.get('chybí.s');
    expect(names.map((name) => reader.get(name)?.toString())).toEqual(searched);
    expect(reader.get('own.s')?.toString()).toBe('vlastní');
    expect(reader.get('late.s')?.toString()).toBe('pozdě');
    const where = (store: PackStore) => [...names, 'own.s', 'late.s'].map((name) => store.entries().get(name)).map((l) => l && [l.pack, l.offset, l.length]);
    expect(where(reader)).toEqual(where(new PackStore(dir)));
  });

  it('merges small packs into one of their live entries once there are too many', () => {
    for (let i = 0; i < MAX_PACKS; i++) new PackStore(dir).put(`k${i}.s`, bytes(`obsah ${i}`));
    new PackStore(dir).put('k0.s', bytes('novější obsah 0'));
    const store = new PackStore(dir);
    store.compact(() => true);
    // MAX_PACKS + 1 packs are more than MAX_PACKS: all merged, the latest of k0 kept.
    expect(packFiles()).toHaveLength(1);
    const reader = new PackStore(dir);
    expect(reader.get('k0.s')?.toString()).toBe('novější obsah 0');
    expect(reader.get(`k${MAX_PACKS - 1}.s`)?.toString()).toBe(`obsah ${MAX_PACKS - 1}`);
    expect(store.get('k1.s')?.toString()).toBe('obsah 1');
    // Dead entries go on the next merge; so few packs are left alone.
    store.compact((name) => name === 'k1.s');
    expect(new PackStore(dir).entries().size).toBe(MAX_PACKS);
    for (let i = 0; i < MAX_PACKS; i++) new PackStore(dir).put(`n${i}.s`, bytes(`nový ${i}`));
    store.compact((name) => name === 'k1.s' || name === 'n3.s');
    expect([...new PackStore(dir).entries().keys()].sort()).toEqual(['k1.s', 'n3.s']);
    expect(new PackStore(dir).get('n3.s')?.toString()).toBe('nový 3');
    expect(packFiles()).toHaveLength(1);
  });

  it('leaves a pack alone until the smaller ones add up to half of it, as git repacks geometrically', () => {
    const summaries = new PackStore(dir);
    summaries.startBatch();
    for (let i = 0; i < 300; i++) summaries.put(`s${i}.s`, bytes(`souhrn zápisu ${i} `.repeat(4)));
    summaries.endBatch();
    const [large] = packFiles();
    for (let i = 0; i < MAX_PACKS; i++) new PackStore(dir).put(`k${i}.s`, bytes(`úprava ${i}`));
    new PackStore(dir).compact(() => true);
    // The 16 small packs are one now; the large one is the same file, not written again.
    expect(packFiles()).toHaveLength(2);
    expect(packFiles()).toContain(large);
    const reader = new PackStore(dir);
    expect(reader.get('s299.s')?.toString()).toBe('souhrn zápisu 299 '.repeat(4));
    expect(reader.get(`k${MAX_PACKS - 1}.s`)?.toString()).toBe(`úprava ${MAX_PACKS - 1}`);
  });

  it('merges in a batch of its own, and leaves the batch of its caller gathering as before', () => {
    for (let i = 0; i < MAX_PACKS + 1; i++) new PackStore(dir).put(`k${i}.s`, bytes(`obsah ${i}`));
    const alone = new PackStore(dir);
    alone.compact(() => true);
    alone.put('po.s', bytes('zapsáno hned'));
    expect(new PackStore(dir).get('po.s')?.toString(), 'no batch left open').toBe('zapsáno hned');
    for (let i = 0; i < MAX_PACKS; i++) new PackStore(dir).put(`n${i}.s`, bytes(`nový ${i}`));
    const batched = new PackStore(dir);
    batched.startBatch();
    batched.put('před.s', bytes('ve várce'));
    batched.compact(() => true);
    batched.put('za.s', bytes('také ve várce'));
    expect(new PackStore(dir).get('za.s'), 'still gathered').toBeUndefined();
    batched.endBatch();
    const reader = new PackStore(dir);
    expect(['před.s', 'za.s', 'k16.s', 'n15.s', 'po.s'].map((name) => reader.get(name)?.toString())).toEqual(['ve várce', 'také ve várce', 'obsah 16', 'nový 15', 'zapsáno hned']);
  });

  it('picks the small packs to merge so that each one left is at least twice the ones below it', () => {
    // Sizes in ascending order; the answer is how many of the smallest to merge.
    expect(smallPacksToMerge([100, 100, 100, 100, 3_000_000])).toBe(4);
    expect(smallPacksToMerge([100, 100, 100, 100])).toBe(4);
    // The merged pack would be as large as the next one: that one goes along.
    expect(smallPacksToMerge([100, 100, 100, 500, 3_000_000])).toBe(4);
    // Two packs of about the same size are merged, and what lies below them.
    expect(smallPacksToMerge([100, 1_000, 1_000_000, 1_200_000])).toBe(4);
    // Already a progression: all merged, as before, so that there are fewer packs.
    expect(smallPacksToMerge([100, 300, 1_000])).toBe(3);
    expect(smallPacksToMerge([])).toBe(0);
  });
});

describe('file cache', () => {
  it('keeps JSON and text entries in packs and deletes the file-per-entry layout it replaced', () => {
    mkdirSync(path.join(dir, 'ab'));
    appendFileSync(path.join(dir, 'ab', `${'ab'.padEnd(64, '0')}.s`), 'starý záznam');
    const cache = new FileCache(dir, 'sůl');
    const key = cache.keyOf('minutes/2024/a.md', bytes('---\n'));
    expect(cache.put(key, 's', { check: [], extract: [] })).toBe(true);
    expect(cache.putText(key, 't', '{"markdown":"a"}\n"<p>a</p>"')).toBe(true);
    const again = new FileCache(dir, 'sůl');
    expect(again.getSync(key, 's')).toEqual({ check: [], extract: [] });
    expect(again.getTextBytesSync(key, 't')?.toString()).toBe('{"markdown":"a"}\n"<p>a</p>"');
    expect(again.getSync(key, 'b')).toBeUndefined();
    again.tidy(new Set([key]));
    expect(readdirSync(dir).sort()).toEqual(['packs']);
    expect(new FileCache(dir, 'sůl').getSync(key, 's')).toEqual({ check: [], extract: [] });
  });
});
