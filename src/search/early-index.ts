/**
 * EarlyIndex: a build that renders many meeting pages begins the search index while Eleventy still
 * renders. Rendering runs on one core and Pagefind's services are processes of their own, so a
 * shard indexed meanwhile uses the core rendering leaves idle (a cold build of 10,000 minutes
 * rendered for ~21 s with the second core nearly idle, then indexed for ~36 s).
 *
 * The shards are planned from a forecast (the meetings of each month, known from the model before
 * anything is rendered). After each Eleventy run (render's `onRendered`) the pages it wrote are
 * read; a forecast shard whose months have all their pages is indexed at once, into its place in
 * the bundle. indexSite, once the site is complete, plans the shards from the pages themselves, as
 * always, and takes an early shard only when it has exactly the pages it would have given it (the
 * same shard, the same pages, the same order): a wrong forecast costs time, never a wrong index.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pushTo } from '../pipeline/group-by.ts';
import { BUNDLE_DIR, SITE_STRATEGY, type SearchStrategy, type ShardRecord } from './config.ts';
import { PAGES_AHEAD, indexShard, shardHash } from './index-shard.ts';
import { DEFAULT_CONCURRENCY, readShardRecordSync } from './index-site.ts';
import { PagefindServices } from './pagefind-services.ts';
import { pageUrl, readPage, type KnownPage, type SearchablePage } from './searchable-pages.ts';
import { DEFAULT_SHARD_PAGES, shardPages, shardSpans, type PlannedShard, type ShardSpan } from './shards.ts';

export interface EarlyIndexOptions {
  /** Meeting pages expected in each month (by yearMonth key, shards.ts). */
  forecast: ReadonlyMap<number, number>;
  /** The site this build replaces: a shard it holds unchanged is copied by indexSite, not indexed early. */
  previousSite?: string;
  shardPages?: number;
  concurrency?: number;
  strategy?: SearchStrategy;
  language?: string;
  bundleDir?: string;
}

interface EarlyShard {
  shard: PlannedShard<SearchablePage>;
  /** Resolves with the stems added, as indexSite's own shards do. */
  indexed: Promise<number>;
}

export class EarlyIndex {
  readonly services: PagefindServices;
  readonly strategy: SearchStrategy;
  readonly language: string;
  readonly bundleDir: string;
  readonly #forecast: ReadonlyMap<number, number>;
  readonly #plan: ShardSpan[];
  readonly #previous: ShardRecord | undefined;
  /** What each rendered page gave (undefined: not searchable), so indexSite does not read it again. */
  readonly #read = new Map<string, KnownPage['page']>();
  readonly #byMonth = new Map<number, SearchablePage[]>();
  readonly #started = new Map<string, EarlyShard>();
  #dir: string | undefined;
  #bundleCleared: Promise<void> | undefined;
  /** A page could not be read as indexSite reads it: it will say why; nothing more begins early. */
  #stopped = false;

  constructor(options: EarlyIndexOptions) {
    this.#forecast = options.forecast;
    this.#plan = shardSpans(options.forecast, options.shardPages ?? DEFAULT_SHARD_PAGES);
    this.strategy = options.strategy ?? SITE_STRATEGY;
    this.language = options.language ?? 'cs';
    this.bundleDir = options.bundleDir ?? BUNDLE_DIR;
    // One service while Eleventy renders: each holds a shard in memory (~250 MiB), and the render's
    // peak with two (1,593 MiB for the tree at 10,000 minutes) was over the memory target. The
    // others open once the site is rendered (claim).
    this.services = new PagefindServices(options.concurrency ?? DEFAULT_CONCURRENCY, 1);
    this.#previous = options.previousSite ? readShardRecordSync(path.join(path.resolve(options.previousSite), this.bundleDir)) : undefined;
  }

  /** Pages written by an Eleventy run into `dir`; begins every shard they complete. */
  rendered(dir: string, files: readonly string[]): void {
    if (this.#stopped) return;
    if (this.#dir !== undefined && this.#dir !== path.resolve(dir)) throw new Error('EarlyIndex: pages of two different sites');
    this.#dir = path.resolve(dir);
    try {
      for (const file of files) this.#readPage(dir, file);
    } catch {
      this.#stopped = true;
      return;
    }
    for (const planned of this.#plan) {
      if (!this.#started.has(planned.id) && this.#complete(planned)) this.#start(dir, planned);
    }
  }

  /** What `file` gave when it was read after rendering, if it was. */
  readPageOf(file: string): { page: KnownPage['page'] } | undefined {
    return this.#read.has(file) ? { page: this.#read.get(file) } : undefined;
  }

  /**
   * The early shards indexSite takes for its `shards` of `dir`, by id. Any other early shard is
   * waited for, so that it writes nothing after indexSite has tidied the bundle (which removes it).
   * The site is rendered now: every service may be used.
   */
  async claim(dir: string, shards: readonly PlannedShard<SearchablePage>[]): Promise<Map<string, Promise<number>>> {
    this.services.openAll();
    const claimed = new Map<string, Promise<number>>();
    if (this.#dir !== path.resolve(dir)) return claimed;
    await this.#bundleCleared;
    const wanted = new Map(shards.map((shard) => [shard.id, shard]));
    for (const [id, early] of this.#started) {
      const shard = wanted.get(id);
      if (shard && samePages(shard.pages, early.shard.pages)) {
        claimed.set(id, early.indexed);
      } else {
        await early.indexed.catch(() => {});
      }
    }
    return claimed;
  }

  /** Waits for every early shard, whatever its outcome, and stops the services. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#started.values()].map((early) => early.indexed));
    await this.services.close();
  }

  #readPage(dir: string, file: string): void {
    if (!file.endsWith('.html') || this.#read.has(file)) return;
    const page = readPage(file, readFileSync(path.join(dir, file)));
    this.#read.set(file, page);
    if (!page) return;
    const searchable: SearchablePage = { file, url: pageUrl(file), yearMonth: page.yearMonth, hash: page.hash };
    pushTo(this.#byMonth, page.yearMonth, searchable);
  }

  /** Whether every month of the shard has as many pages read as the forecast said. */
  #complete(planned: ShardSpan): boolean {
    for (const [key, expected] of this.#forecast) {
      if (planned.first <= key && key <= planned.last && (this.#byMonth.get(key)?.length ?? 0) !== expected) return false;
    }
    return true;
  }

  #start(dir: string, planned: ShardSpan): void {
    const shard: PlannedShard<SearchablePage> = { ...planned, pages: shardPages(planned, this.#byMonth) };
    const hash = shardHash(shard, this.strategy, this.language);
    // Unchanged since the previous site: indexSite copies it from there.
    if (this.#previous?.shards.some((old) => old.id === shard.id && old.hash === hash)) return;
    const bundle = path.join(dir, this.bundleDir);
    // A spare (render/spare.ts) may hold an older bundle: it goes before the first early shard.
    this.#bundleCleared ??= rm(bundle, { recursive: true, force: true });
    const indexed = this.#bundleCleared.then(() =>
      this.services.with((service) => indexShard(service, dir, shard, path.join(bundle, shard.id), this.strategy, this.language, { ahead: PAGES_AHEAD, fed: () => {} })),
    );
    // Awaited by indexSite or close(); a failure is reported there.
    indexed.catch(() => {});
    this.#started.set(shard.id, { shard, indexed });
  }
}

function samePages(a: readonly SearchablePage[], b: readonly SearchablePage[]): boolean {
  return a.length === b.length && a.every((page, i) => page.url === b[i]!.url && page.hash === b[i]!.hash);
}
