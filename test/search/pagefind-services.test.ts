/**
 * Shards indexed side by side, each by its own Pagefind service process (pagefind-services.ts):
 * the lanes really get separate processes, every process stops afterwards, and the published index
 * is the same byte for byte whether the shards went through one service or several.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { filesUnder } from '../../src/render/link-files.ts';
import { indexSite } from '../../src/search/index-site.ts';
import { PagefindServices } from '../../src/search/pagefind-services.ts';
import { generatedSite } from '../helpers/generated-site.ts';
import { pagefindServiceProcesses } from '../helpers/pagefind-processes.ts';

describe('PagefindServices', () => {
  it('gives lanes running at once their own service process, makes a further lane wait, and stops them all on close', async () => {
    const services = new PagefindServices(2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lane = () =>
      services.with(async (pagefind) => {
        const { index } = await pagefind.createIndex({ forceLanguage: 'cs' });
        await index!.addHTMLFile({ url: '/a/', content: '<html><body><main data-pagefind-body><p>Azylový dům</p></main></body></html>' });
        await gate;
      });
    const lanes = Promise.all([lane(), lane()]);
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(2), { timeout: 20_000 });
    // A third lane waits for a free service instead of starting a third process.
    let thirdRan = false;
    const third = services.with(async () => void (thirdRan = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(thirdRan).toBe(false);
    expect(pagefindServiceProcesses()).toHaveLength(2);
    release();
    await Promise.all([lanes, third]);
    expect(thirdRan).toBe(true);
    await services.close();
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(0), { timeout: 20_000 });
  }, 60_000);
});

describe('PagefindServices with services held back', () => {
  it('runs lanes on the open services only, and on the others after openAll', async () => {
    const services = new PagefindServices(2, 1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: number[] = [];
    const lane = (n: number) =>
      services.with(async (pagefind) => {
        started.push(n);
        const { index } = await pagefind.createIndex({ forceLanguage: 'cs' });
        await index!.addHTMLFile({ url: `/${n}/`, content: '<html><body><main data-pagefind-body><p>Azylový dům</p></main></body></html>' });
        await gate;
      });
    const lanes = Promise.all([lane(1), lane(2)]);
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(1), { timeout: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started).toEqual([1]);
    services.openAll();
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(2), { timeout: 20_000 });
    expect(started).toEqual([1, 2]);
    release();
    await lanes;
    await services.close();
    await vi.waitFor(() => expect(pagefindServiceProcesses()).toHaveLength(0), { timeout: 20_000 });
  }, 60_000);
});

describe('indexSite with one service or two', () => {
  let work: string;
  let site: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-pagefind-services-'));
    site = await generatedSite(work, { minutes: 12, groups: 3, seed: 5 }, { index: false });
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function indexed(concurrency: number): Promise<Map<string, string>> {
    const copy = path.join(work, `site-${concurrency}`);
    await cp(site, copy, { recursive: true });
    const result = await indexSite(copy, { concurrency, shardPages: 3, client: false });
    expect(result.shards.length).toBeGreaterThan(2);
    const bundle = path.join(copy, 'pagefind');
    const files = await filesUnder(bundle);
    return new Map(await Promise.all(files.map(async (file) => [file, (await readFile(path.join(bundle, file))).toString('base64')] as const)));
  }

  it('publishes the same index files', async () => {
    const one = await indexed(1);
    const two = await indexed(2);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, bytes] of one) expect(two.get(file), file).toBe(bytes);
    expect(pagefindServiceProcesses()).toHaveLength(0);
  }, 300_000);
});
