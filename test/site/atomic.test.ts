import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeDirectoryAtomically } from '../../src/render/atomic.ts';

let work = '';
afterEach(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('what killed builds leave behind', () => {
  it('puts back a published site left only as .old-* by a kill between the two renames', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'atomic-'));
    await mkdir(path.join(work, '._site.old-abc'));
    await writeFile(path.join(work, '._site.old-abc', 'index.html'), 'published');
    let seen = '';
    await expect(
      writeDirectoryAtomically(path.join(work, '_site'), async () => {
        seen = await readFile(path.join(work, '_site', 'index.html'), 'utf8');
        throw new Error('the new build fails');
      }),
    ).rejects.toThrow('the new build fails');
    expect(seen).toBe('published');
    expect(await readFile(path.join(work, '_site', 'index.html'), 'utf8')).toBe('published');
    expect(await readdir(work)).toEqual(['_site']);
  });

  it('clears staging directories of killed builds and keeps the published site', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'atomic-'));
    await mkdir(path.join(work, '_site'));
    await writeFile(path.join(work, '_site', 'index.html'), 'old');
    await mkdir(path.join(work, '._site.new-1'));
    await mkdir(path.join(work, '._site.old-2'));
    await writeDirectoryAtomically(path.join(work, '_site'), async (dir) => writeFile(path.join(dir, 'index.html'), 'new'));
    // The replaced site is removed by a process of its own, after the swap.
    await vi.waitFor(async () => expect(await readdir(work)).toEqual(['_site']), { timeout: 5000 });
    expect(await readFile(path.join(work, '_site', 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(work, '._site.new-1'))).toBe(false);
  });
});
