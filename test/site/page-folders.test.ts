import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedPages } from '../../src/render/incremental.ts';
import { makePageFolders } from '../../src/render/page-folders.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kpss-page-folders-'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const published = (pages: string[], reused: string[]): PublishedPages => ({
  reused,
  identities: new Map(),
  hashes: new Map(pages.map((page) => [page, 'hash'])),
  fingerprint: 'f',
  previous: undefined,
});

describe('the folders of the pages about to be rendered', () => {
  it('are made beforehand, but not those of reused pages', async () => {
    const dir = path.join(work, 'site');
    await makePageFolders(dir, published(['zapisy/a/index.html', 'zapisy/b/index.html', 'kalendar.ics', 'organizace/x/index.html'], ['organizace/x/index.html']));
    expect(existsSync(path.join(dir, 'zapisy', 'a'))).toBe(true);
    expect(existsSync(path.join(dir, 'zapisy', 'b'))).toBe(true);
    expect(existsSync(path.join(dir, 'organizace'))).toBe(false);
  });

  it('leave a folder that cannot be made to Eleventy, which reports it', async () => {
    await writeFile(path.join(work, 'file'), 'not a folder');
    await expect(makePageFolders(path.join(work, 'file'), published(['zapisy/a/index.html'], []))).resolves.toBeUndefined();
  });
});
