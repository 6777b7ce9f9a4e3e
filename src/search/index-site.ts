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
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependenciesHash } from '../pipeline/cache.ts';
import { codeHash } from '../pipeline/code-hash.ts';
import { mapConcurrently } from '../pipeline/map-concurrently.ts';
import { StatIndex, statSignature, trustedStat, unchangedByStat, type Remembered, type StatFields } from '../pipeline/stat-index.ts';
import { filesUnder, htmlFilesUnder, linkFiles } from '../render/link-files.ts';
import { minify } from '../render/minify.ts';
import {
  BUNDLE_DIR,
  CLIENT_SCRIPT,
  MANIFEST_FILE,
  SHARD_FILTER,
  SHARD_RECORD_FILE,
  SITE_STRATEGY,
  SORT_KEY,
  shardFolder,
  type SearchManifest,
  type SearchStrategy,
  type ShardRecord,
} from './config.ts';
import { decodeEntities } from './html-entities.ts';
import { PagefindServices, type PagefindApi } from './pagefind-services.ts';
import { DEFAULT_SHARD_PAGES, isoMonth, planShards, yearMonth, type PlannedShard } from './shards.ts';
import type { EarlyIndex } from './early-index.ts';
import { Meanwhile } from './meanwhile.ts';
import { pagefindRecord, type PagefindRecord } from './pagefind-record.ts';
import { withStemsBlock } from './stems.ts';

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

export class SearchIndexError extends Error {
  constructor(
    message: string,
    readonly details: string[],
  ) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

export interface SearchablePage {
  file: string;
  url: string;
  yearMonth: number;
  hash: string;
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
 * Pages sent to Pagefind ahead of its answers when nothing waits for the feed to end. Each page in
 * flight is ~80 KB of base64 in this process and in Pagefind's until it is taken: with two shards
 * of ~400 pages sent whole, the cold build at 10,000 minutes peaked 130 MiB higher.
 */
export const PAGES_AHEAD = 16;

/**
 * One shard through Pagefind into `dir`; the index is deleted afterwards so its memory is freed
 * before the next. Pages are sent up to `feed.ahead` before Pagefind has taken them (its service
 * takes requests one by one, in the order sent: the index is the same), so this thread reads and
 * prepares the next pages while Pagefind indexes; `feed.fed` is called when all are sent.
 */
export async function indexShard(
  pagefind: PagefindApi,
  root: string,
  shard: PlannedShard<SearchablePage>,
  dir: string,
  strategy: SearchStrategy,
  language: string,
  feed: { ahead: number; fed: () => void },
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new SearchIndexError('Vyhledávací index se nepodařilo založit (Pagefind).', errors);
  const added: Promise<string[]>[] = [];
  let writing: ReturnType<typeof index.writeFiles> | undefined;
  try {
    let stems = 0;
    for (const [i, page] of shard.pages.entries()) {
      if (i >= feed.ahead) await added[i - feed.ahead];
      // Synchronous: for a page just written (in the page cache) fs.promises.readFile cost five times
      // the CPU of readFileSync (0.3 against 0.06 ms per page; 10,000 pages: ~2.3 s of this thread).
      const prepared = preparedPage(root, page, strategy, shard.id);
      stems += prepared.stems;
      added.push(index.addCustomRecord({ url: page.url, language, ...prepared.record }).then((response) => response.errors.map((e) => `${page.file}: ${e}`)));
    }
    writing = index.writeFiles({ outputPath: dir });
    feed.fed();
    const problems = (await Promise.all(added)).flat();
    const written = await writing;
    if (problems.length) throw new SearchIndexError('Některé stránky se nepodařilo zařadit do vyhledávání.', problems);
    if (written.errors.length) throw new SearchIndexError('Vyhledávací index se nepodařilo zapsat.', written.errors);
    await trimBundle(dir);
    return stems;
  } finally {
    // Every request sent must be answered before the index goes, or its answer would find no index.
    await Promise.allSettled([...added, writing]);
    await index.deleteIndex();
  }
}

function preparedPage(root: string, page: SearchablePage, strategy: SearchStrategy, shard: string): { record: PagefindRecord; stems: number } {
  try {
    return pagefindInput(readFileSync(path.join(root, page.file), 'utf8'), strategy, shard);
  } catch (error) {
    throw new SearchIndexError('Stránku se nepodařilo připravit pro vyhledávání.', [`${page.file}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/**
 * What Pagefind is given for a page: its record as Pagefind would read the HTML (pagefind-record.ts),
 * the stems block (strategy B) and the shard filter. Pagefind then parses no HTML.
 */
export function pagefindInput(html: string, strategy: SearchStrategy, shard: string): { record: PagefindRecord; stems: number } {
  const read = pagefindRecord(html);
  if (!read) throw new Error('stránka nemá část data-pagefind-body');
  const record = { ...read, filters: { ...read.filters, [SHARD_FILTER]: [shard] } };
  return strategy === 'index-stems' ? withStemsBlock(record) : { record, stems: 0 };
}

/**
 * Everything a shard's bundle is made from: its pages, how they are prepared, and the indexer.
 * 80 bits tell builds apart as well as 256 and keep the shard record small.
 */
export function shardHash(shard: PlannedShard<SearchablePage>, strategy: SearchStrategy, language: string): string {
  const hash = createHash('sha256');
  hash.update(`search-shard-v1\0${searchCodeVersion()}\0${strategy}\0${language}\0${shard.id}\0`);
  for (const page of shard.pages) hash.update(`${page.url}\0${page.hash}\0`);
  return hash.digest('hex').slice(0, 20);
}

/** The code that turns a page into Pagefind input: any change there re-indexes every shard. */
const SEARCH_CODE_DIRS = ['search', 'text'];

function searchCodeVersion(): string {
  return `${dependenciesHash()}\0${codeHash(SEARCH_CODE_DIRS)}`;
}

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

/** What a page gave the indexer: nothing when it is not searchable. */
export interface KnownPage extends Remembered {
  page?: { yearMonth: number; hash: string; filters: string[] };
}

/**
 * The meeting pages (those with data-pagefind-body): their month, their hash and every filter
 * value. Each page is read once, or not at all when `remembered` vouches for it by its stat.
 */
async function searchablePages(
  root: string,
  files: readonly string[],
  remembered: StatIndex<KnownPage> | undefined,
  early: EarlyIndex | undefined,
  linkedStats: ReadonlyMap<string, StatFields> | undefined,
): Promise<{ pages: SearchablePage[]; filters: Record<string, string[]> }> {
  const startedAt = Date.now();
  const known = remembered?.read() ?? new Map<string, KnownPage>();
  const next = new Map<string, KnownPage>();
  const pages: SearchablePage[] = [];
  const filters = new Map<string, Set<string>>();
  for (const file of files) {
    const stats = linkedStats?.get(file) ?? statSync(path.join(root, file));
    const signature = statSignature(stats);
    let entry = known.get(file);
    if (!entry || !unchangedByStat(entry, signature)) {
      const page = early?.readPageOf(file) ?? { page: readPage(file, readFileSync(path.join(root, file))) };
      entry = { stat: trustedStat(stats, startedAt, signature), ...page };
    }
    next.set(file, entry);
    if (!entry.page) continue;
    for (const value of entry.page.filters) {
      const colon = value.indexOf(':');
      const name = value.slice(0, colon);
      if (!filters.has(name)) filters.set(name, new Set());
      filters.get(name)!.add(value.slice(colon + 1));
    }
    pages.push({ file, url: pageUrl(file), yearMonth: entry.page.yearMonth, hash: entry.page.hash });
  }
  await remembered?.save(next, (a, b) => a.stat === b.stat && a.page?.hash === b.page?.hash);
  const sortedFilters = Object.fromEntries([...filters].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, values]) => [name, [...values].sort()]));
  return { pages, filters: sortedFilters };
}

export function readPage(file: string, bytes: Buffer): KnownPage['page'] {
  // Latin-1 takes each byte for a character, without decoding: the attributes looked for are
  // ASCII, and a filter value is decoded from its own bytes (into a string of its own, not a
  // slice that would keep the page alive).
  const html = bytes.toString('latin1');
  if (!/\sdata-pagefind-body[\s=>]/.test(html)) return undefined;
  const date = new RegExp(`data-pagefind-sort="${SORT_KEY}:(\\d{4})-(\\d{2})`).exec(html);
  if (!date) throw new SearchIndexError('Stránka zápisu nemá datum pro řazení výsledků.', [file]);
  const filters = [...html.matchAll(/data-pagefind-filter="([^"]*)"/g)]
    .map((match) => decodeEntities(Buffer.from(match[1]!, 'latin1').toString('utf8')))
    .filter((value) => value.indexOf(':') > 0);
  return { yearMonth: yearMonth(Number(date[1]), Number(date[2])), hash: createHash('sha256').update(bytes).digest('hex'), filters };
}

/**
 * Pagefind writes its ready-made UIs next to the index; the site has its own search page, so
 * they would only be dead weight (~400 kB) in the published site.
 */
const UNUSED_UI = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/**
 * Pagefind's script comes only lightly minified: esbuild takes pagefind.js from 13.4 to 11.5 kB
 * as gzip sends it, which every first search downloads.
 */
const PAGEFIND_SCRIPT = 'pagefind.js';

/** The bundle as published: without the unused UIs and with Pagefind's module minified (the site never starts its worker). */
async function trimBundle(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) {
    const file = path.join(bundle, name);
    if (UNUSED_UI.test(name)) await rm(file, { force: true });
    else if (name === PAGEFIND_SCRIPT) await writeFile(file, await minifiedPagefind(await readFile(file, 'utf8')));
  }
}

/** Every shard gets the same script from the same Pagefind: it is minified once per run. */
let lastMinified: { source: string; minified: Promise<string> } | undefined;

function minifiedPagefind(source: string): Promise<string> {
  if (lastMinified?.source !== source) {
    lastMinified = { source, minified: minify(source, 'js') };
  }
  return lastMinified.minified;
}

/** "zapisy/2021-10-25-cizinci/index.html" → "/zapisy/2021-10-25-cizinci/" (site-relative; the browser adds the base path). */
export function pageUrl(file: string): string {
  const posix = file.split(path.sep).join('/');
  const url = `/${posix}`.replace(/(^|\/)index\.html$/, '$1');
  return url.split('/').map((part) => (part ? encodeURIComponent(decodeURIComponentSafe(part)) : part)).join('/');
}

function decodeURIComponentSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const CLIENT_ENTRY = fileURLToPath(new URL('./client/search-page.ts', import.meta.url));

/** Bundles the /hledat/ script (stemmer included) for the browser, with the index's strategy compiled in. */
export async function bundleClient(outDir: string, strategy: SearchStrategy): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(outDir, CLIENT_SCRIPT);
  await mkdir(path.dirname(outfile), { recursive: true });
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    define: { __SEARCH_STRATEGY__: JSON.stringify(strategy) },
  });
  if (result.errors.length) {
    throw new SearchIndexError(
      'Skript vyhledávání se nepodařilo sestavit.',
      result.errors.map((e) => e.text),
    );
  }
  return outfile;
}
