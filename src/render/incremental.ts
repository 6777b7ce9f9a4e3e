/**
 * Incremental rendering: a warm build renders through Eleventy only the pages whose data changed
 * and takes every other page from the previous output.
 *
 * A paged page (see paged-view.ts) is a function of its data and of the renderer. Its data hash
 * covers exactly what its template receives (its item and the shared data), so a changed minute
 * also dirties every page that shows it — its neighbours' pager, its group, year and organization
 * pages — with no dependency list to keep up to date. The renderer fingerprint covers everything
 * else that shapes the output: the templates, the render code (filters, Nunjucks options), the
 * base path and the Eleventy and Nunjucks versions; when it changes, everything is rendered.
 *
 * The manifest (one JSON file in the cache folder, never in the published site) records per page
 * file its data hash and the size and mtime the file had when published. A page is reused only
 * when the renderer and its hash are unchanged and the published file is still the one recorded;
 * anything else (no manifest, a damaged one, a file edited or deleted by hand) renders it again.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync, type Stats } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderRecordFile } from '../pipeline/cache.ts';
import { mapConcurrently } from '../pipeline/map-concurrently.ts';
import { eleventyEntry, eleventyRequire } from './eleventy-entry.ts';
import { filesUnder } from './link-files.ts';
import { PAGE_FAMILIES, pageFile, type PagedView, type SharedPageData } from './paged-view.ts';

const MANIFEST_FORMAT = 3;
/** File system calls in flight at once when reusing or checking thousands of pages. */
const PARALLEL = 64;

interface ManifestEntry {
  hash: string;
  size: number;
  mtimeMs: number;
}

interface Manifest {
  format: number;
  fingerprint: string;
  pages: Record<string, ManifestEntry>;
}

export interface RenderPlan {
  /** The items Eleventy renders: every item on a full render, else those whose page is dirty. */
  pages: PagedView;
  published: PublishedPages;
}

/**
 * What the manifest records of the pages of this build. Kept apart from the items to render, which
 * hold the view: a build keeps this until the manifest is written, after the search index.
 */
export interface PublishedPages {
  /** Files taken over from the previous output, relative to the output directory. */
  reused: string[];
  /**
   * The stat of each of them in the previous output, as checked when planned: which file it is
   * (fileIdentity), and the stat that a hard link of it has too.
   */
  reusedStats: Map<string, Stats>;
  /** Every paged file of this build and its data hash. */
  hashes: Map<string, string>;
  fingerprint: string;
  previous: Manifest | undefined;
}

/** The manifest of the output directory `outDir`, kept in the cache folder. */
export function manifestFile(cacheDir: string, outDir: string): string {
  return folderRecordFile(cacheDir, outDir, 'render');
}

/**
 * Writes a record of the cache folder (folderRecordFile) as JSON through a temporary file, so a
 * reader never sees half of it.
 */
export async function writeOutputRecord(file: string, record: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(record));
  await rename(temp, file);
}

/** Everything but the data that decides what the pages look like. */
export async function rendererFingerprint(templatesDir: string, basePath: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`format ${MANIFEST_FORMAT}\0base ${basePath}\0`);
  for (const entry of [eleventyEntry(), eleventyRequire().resolve('nunjucks')]) {
    hash.update(`${await packageVersion(entry)}\0`);
  }
  const renderCode = path.dirname(fileURLToPath(import.meta.url));
  for (const [label, dir] of [['templates', templatesDir], ['render', renderCode]] as const) {
    for (const file of await filesUnder(dir)) {
      hash.update(`${label}/${file}\0`).update(await readFile(path.join(dir, file))).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Which pages to render and which to reuse from `previousDir`, the currently published output. */
export async function planRender(
  paged: PagedView,
  shared: SharedPageData,
  options: { manifest: string | undefined; previousDir: string; fingerprint: string },
): Promise<RenderPlan> {
  const previous = options.manifest ? await readManifest(options.manifest) : undefined;
  const usable = previous?.fingerprint === options.fingerprint ? previous : undefined;
  // What every page shows (site, navigation) is hashed once, and its hash stands for it in each page's.
  const sharedHash = createHash('sha1').update(JSON.stringify(shared), 'utf16le').digest('hex');
  // SHA-1 over the string's UTF-16 code units: a change detector for a local cache, not a
  // signature, and about twice as fast as SHA-256 over UTF-8 on the ~270 M characters of 10k pages.
  const hashes = new Map<string, string>();
  const candidates: string[] = [];
  const families = PAGE_FAMILIES.map((family) => {
    const items = paged[family] as PagedView[typeof family][number][];
    const files = items.map((item) => {
      const file = pageFile(family, item);
      const hash = createHash('sha1').update(sharedHash).update('\0').update(JSON.stringify(item), 'utf16le').digest('hex');
      hashes.set(file, hash);
      if (usable?.pages[file]?.hash === hash) candidates.push(file);
      return file;
    });
    return { family, items, files };
  });
  // Synchronous: 10,000 stats of pages in the page cache take 50 ms so, 115–140 ms through fs.promises.
  const checked = candidates.map((file) => statAsRecorded(options.previousDir, file, usable!.pages[file]!));
  const reusedStats = new Map(candidates.flatMap((file, i) => (checked[i] ? [[file, checked[i]] as const] : [])));
  const unchanged = new Set(reusedStats.keys());
  const pages = {} as Record<string, unknown[]>;
  for (const { family, items, files } of families) pages[family] = items.filter((_, i) => !unchanged.has(files[i]!));
  return {
    pages: pages as unknown as PagedView,
    published: { reused: [...unchanged], reusedStats, hashes, fingerprint: options.fingerprint, previous: usable },
  };
}

/** Fails when a page Eleventy was asked for is not where PAGE_FILES says (a permalink drifted). */
export async function checkRendered(published: PublishedPages, dir: string): Promise<void> {
  const reused = new Set(published.reused);
  const missing = [...published.hashes.keys()].filter((file) => !reused.has(file) && !existsSync(path.join(dir, file)));
  if (missing.length) {
    throw new Error(`Stránky nejsou tam, kde je render očekává (šablona a urls.ts se rozcházejí): ${missing.slice(0, 5).join(', ')}`);
  }
}

/** Records the published pages; written next to nothing the site serves. */
export async function saveManifest(file: string, published: PublishedPages, dir: string, copied: Set<string>): Promise<void> {
  const pages: Record<string, ManifestEntry> = {};
  const reused = new Set(published.reused);
  const entries = await mapConcurrently([...published.hashes], PARALLEL, async ([page, hash]) => {
    const recorded = published.previous?.pages[page];
    // A linked page is the very file recorded last time; everything else is measured afresh.
    if (reused.has(page) && !copied.has(page) && recorded) return [page, recorded] as const;
    const info = await stat(path.join(dir, page));
    return [page, { hash, size: info.size, mtimeMs: info.mtimeMs }] as const;
  });
  for (const [page, entry] of entries) pages[page] = entry;
  const manifest: Manifest = { format: MANIFEST_FORMAT, fingerprint: published.fingerprint, pages };
  await writeOutputRecord(file, manifest);
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Manifest>;
    if (parsed.format !== MANIFEST_FORMAT || typeof parsed.fingerprint !== 'string' || typeof parsed.pages !== 'object' || !parsed.pages) {
      return undefined;
    }
    return parsed as Manifest;
  } catch {
    // Missing or damaged: render everything, which rewrites it.
    return undefined;
  }
}

/** The file's stat when it is still the one the manifest recorded, else undefined. */
function statAsRecorded(dir: string, file: string, entry: ManifestEntry): Stats | undefined {
  try {
    const info = statSync(path.join(dir, file));
    return info.isFile() && info.size === entry.size && info.mtimeMs === entry.mtimeMs ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Which file a path is: two paths with the same identity are hard links of one file. */
export function fileIdentity(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

async function packageVersion(entry: string): Promise<string> {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const { name, version } = JSON.parse(await readFile(file, 'utf8')) as { name?: string; version?: string };
    if (name && version) return `${name}@${version}`;
  }
  return entry;
}

