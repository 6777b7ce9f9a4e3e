/**
 * indexSite: the search index of a rendered site. Runs after Eleventy on the finished output
 * directory (render's `afterRender`), so it indexes exactly the HTML that is published:
 *
 * 1. every HTML page with data-pagefind-body (the meeting pages) is read once for its month, its
 *    filters and its hash, and the pages are cut into shards of whole years, or of whole months
 *    of a year too large for one shard (shards.ts);
 * 2. a shard whose hash equals the one in the previous site's shard record is copied from there; any
 *    other shard goes to Pagefind's Node API page by page, each page as the record Pagefind would
 *    read from its HTML (pagefind-record.ts) — under strategy B with the stems block added (the file
 *    on disk stays as rendered) — and is written to
 *    <outDir>/pagefind/<shard>/, a few shards at once, each in its own Pagefind service, so
 *    Pagefind never holds the whole site;
 * 3. <outDir>/pagefind/shards.json lists the shards newest first and every filter value, for the
 *    browser; shards-built.json beside it keeps each shard's size and hash, for the next build;
 * 4. the browser script of /hledat/ is bundled from src/search/client/ to <outDir>/assets/search.js,
 *    with the same strategy compiled in, so the query is stemmed the way the index was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mapConcurrently } from '../pipeline/map-concurrently.ts';
import { StatIndex, type StatFields } from '../pipeline/stat-index.ts';
import { filesUnder, htmlFilesUnder, linkFiles } from '../render/link-files.ts';
import { bundleClient } from './browser-files.ts';
import {
  BUNDLE_DIR,
  MANIFEST_FILE,
  SHARD_RECORD_FILE,
  SITE_STRATEGY,
  shardFolder,
  type SearchManifest,
  type SearchStrategy,
  type ShardRecord,
} from './config.ts';
import type { EarlyIndex } from './early-index.ts';
import { PAGES_AHEAD, indexShard, searchCodeVersion, shardHash } from './index-shard.ts';
import { Meanwhile } from './meanwhile.ts';
import { PagefindServices } from './pagefind-services.ts';
import { searchablePages, type KnownPage, type SearchablePage } from './searchable-pages.ts';
import { DEFAULT_SHARD_PAGES, isoMonth, planShards, type PlannedShard } from './shards.ts';

export interface IndexSiteOptions {
  /** Default SITE_STRATEGY. `plain` and `query-stems` index the same (unchanged) pages. */
  strategy?: SearchStrategy;
  /** The bundle folder inside outDir (default "pagefind"); the evaluation writes several. */
  bundleDir?: string;
  /** Also bundle the browser script (default true; the evaluation needs only the index). */
  client?: boolean;
  /** Index language (default "cs"): one index for the whole site, whatever a page says. */
  language?: string;
  /** The site this one replaces: shards whose input is unchanged are copied from it. */
  previousSite?: string;
  /** Most pages per shard (default DEFAULT_SHARD_PAGES; a month is never split). */
  shardPages?: number;
  /** Shards indexed at the same time (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /**
   * Cache folder (with previousSite): what each page gave the last time is kept there, and a page
   * whose stat is unchanged (one linked from the previous site) is not read again.
   */
  cacheDir?: string;
  /**
   * The caller's work that needs nothing of the index (the site's open data), run once: while
   * Pagefind writes the last shards, when this thread has nothing to do but wait for it, or
   * first, before any shard, when more shards are indexed than at once (a full index: what that
   * work frees is then free before Pagefind's services grow).
   */
  meanwhile?: () => Promise<void>;
  /** The site's HTML pages outside the bundle, when the caller has listed them already (render has). */
  pages?: readonly string[];
  /**
   * Pages the caller made as hard links of previousSite's files, with the stat they share with them
   * (render has it from its plan): not stat'ed again, ~0.1 s at 10,000 minutes.
   */
  linkedStats?: ReadonlyMap<string, StatFields>;
  /**
   * The shards begun while the site was rendered (early-index.ts): its strategy, language and bundle
   * folder are this index's, its pages are not read again, and its services are used (and left to
   * its owner to close).
   */
  early?: EarlyIndex;
}

export interface IndexSiteResult {
  /** Pages in the index (the meeting pages). */
  pages: number;
  /** Stems added to the index (strategy B), summed over the pages indexed in this run. */
  stems: number;
  strategy: SearchStrategy;
  bundleDir: string;
  /** Shard ids, newest first, and which of them were copied from the previous site. */
  shards: string[];
  reusedShards: string[];
  /** Shards taken from the early index (begun while the site was rendered). */
  earlyShards: string[];
}

export async function indexSite(outDir: string, options: IndexSiteOptions = {}): Promise<IndexSiteResult> {
  const root = path.resolve(outDir);
  const early = options.early;
  const strategy = early?.strategy ?? options.strategy ?? SITE_STRATEGY;
  const bundleDir = early?.bundleDir ?? options.bundleDir ?? BUNDLE_DIR;
  const language = early?.language ?? options.language ?? 'cs';
  const bundle = path.join(root, bundleDir);
  const remembered =
    options.cacheDir && options.previousSite ? new StatIndex<KnownPage>(options.cacheDir, 'search-pages', options.previousSite, searchCodeVersion()) : undefined;
  const files = options.pages ?? htmlFilesUnder(root, new Set([bundleDir]));
  const { pages, filters } = await searchablePages(root, files, remembered, early, options.linkedStats);
  const shards = planShards(pages, options.shardPages ?? DEFAULT_SHARD_PAGES);
  const previousBundle = options.previousSite ? path.join(path.resolve(options.previousSite), bundleDir) : undefined;
  const previous = previousBundle ? readShardRecordSync(previousBundle) : undefined;
  const reused = new Set<string>();
  let stems = 0;
  const hashes = shards.map((shard) => shardHash(shard, strategy, language));
  const lanes = options.concurrency ?? DEFAULT_CONCURRENCY;
  const begun = early ? await early.claim(root, shards) : new Map<string, Promise<number>>();
  const kept = await tidySpareBundle(bundle, shards, hashes, new Set(begun.keys()));
  const copyFrom = shards.map((shard, i) => {
    const old = previous?.shards.find((s) => s.id === shard.id && s.hash === hashes[i]);
    const folder = old && previousBundle ? path.join(previousBundle, shardFolder(old)) : undefined;
    return folder && existsSync(folder) ? folder : undefined;
  });
  const meanwhile = new Meanwhile(options.meanwhile, shards.filter((shard, i) => !kept.has(shard.id) && !copyFrom[i] && !begun.has(shard.id)).length, lanes);
  await meanwhile.before();
  const services = early?.services ?? new PagefindServices(lanes);
  try {
    // The shards begun early are indexing already; the lanes go to the others first.
    const rest = shards.filter((shard) => !begun.has(shard.id));
    await mapConcurrently(rest, lanes, async (shard) => {
      const i = shards.indexOf(shard);
      const dir = path.join(bundle, shard.id);
      const from = copyFrom[i];
      if (kept.has(shard.id)) {
        reused.add(shard.id);
      } else if (from) {
        await linkFiles(await filesUnder(from), from, dir);
        reused.add(shard.id);
      } else {
        const feed = { ahead: meanwhile.waitsForFeed ? Number.POSITIVE_INFINITY : PAGES_AHEAD, fed: () => meanwhile.fed() };
        stems += await services.with((service) => indexShard(service, root, shard, dir, strategy, language, feed));
      }
    });
    for (const indexed of await Promise.all(begun.values())) stems += indexed;
  } finally {
    // The early index's services are its owner's to close, once its shards are done.
    if (!early) await services.close();
    // A failed index waits for the caller's work it started, so nothing writes on behind its back.
    await meanwhile.settled();
  }
  await meanwhile.after();
  const manifest: SearchManifest = {
    version: 2,
    strategy,
    shards: shards.map((shard) => ({ id: shard.id, first: isoMonth(shard.first), last: isoMonth(shard.last) })),
    filters,
  };
  const record: ShardRecord = { version: 1, shards: shards.map((shard, i) => ({ id: shard.id, pages: shard.pages.length, hash: hashes[i]! })) };
  await mkdir(bundle, { recursive: true });
  await writeFile(path.join(bundle, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  await writeFile(path.join(bundle, SHARD_RECORD_FILE), `${JSON.stringify(record)}\n`);
  if (options.client !== false) await bundleClient(root, strategy);
  const ids = shards.map((s) => s.id);
  return { pages: pages.length, stems, strategy, bundleDir, shards: ids, reusedShards: ids.filter((id) => reused.has(id)), earlyShards: ids.filter((id) => begun.has(id)) };
}

/**
 * Shards indexed at once, each by its own Pagefind service (pagefind-services.ts): one per core,
 * at least two (a shard's own preparation here overlaps the other's indexing even on one core)
 * and at most four, each holding a shard of up to DEFAULT_SHARD_PAGES pages.
 */
export const DEFAULT_CONCURRENCY = Math.min(Math.max(os.availableParallelism(), 2), 4);

/**
 * A build into the spare (render/spare.ts) finds the bundle the spare was published with: its
 * shards that this build would copy unchanged (the same hash) stay as they are; everything else
 * goes before anything is written, but the shards `begun` early (early-index.ts), which are being
 * written there. Returns the ids of the shards kept.
 */
async function tidySpareBundle(bundle: string, shards: PlannedShard<SearchablePage>[], hashes: string[], begun: ReadonlySet<string>): Promise<Set<string>> {
  const kept = new Set<string>();
  if (!existsSync(bundle)) return kept;
  const published = readShardRecordSync(bundle);
  const wanted = new Map(shards.map((shard, i) => [shard.id, hashes[i]]));
  for (const shard of published?.shards ?? []) {
    if (wanted.get(shard.id) === shard.hash) kept.add(shard.id);
  }
  for (const entry of await readdir(bundle)) {
    if (!kept.has(entry) && !begun.has(entry)) await rm(path.join(bundle, entry), { recursive: true, force: true });
  }
  return kept;
}

/** The shards a bundle was built with; undefined when it has no record a build of this version wrote. */
export function readShardRecordSync(bundle: string): ShardRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path.join(bundle, SHARD_RECORD_FILE), 'utf8')) as ShardRecord;
    return record.version === 1 && Array.isArray(record.shards) ? record : undefined;
  } catch {
    return undefined;
  }
}

