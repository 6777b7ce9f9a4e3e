/**
 * render: archive model → static site. Runs Eleventy 3 programmatically over site-templates/ with
 * the prepared view injected as global data, into a fresh temporary directory that replaces the
 * output directory only when everything (render and the optional post-processing, e.g. the search
 * index) succeeded. With a cache folder, pages whose data and templates did not change since the
 * previous build are taken from the previous output instead of being rendered (incremental.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noPieces, type PieceKind } from '../model/open-data-pieces.ts';
import type { ArchiveModel } from '../model/types.ts';
import { folderRecordFile } from '../pipeline/cache.ts';
import type { StatFields } from '../pipeline/stat-index.ts';
import { collectAccumulatedGarbage, collectGarbage, collectLargeGarbage } from '../pipeline/collect-garbage.ts';
import { Handover } from '../pipeline/handover.ts';
import { writeDirectoryAtomically, type Staging } from './atomic.ts';
import { checkRendered, manifestFile, planRender, rendererFingerprint, saveManifest, type PublishedPages } from './incremental.ts';
import { linkFiles } from './link-files.ts';
import { writeOpenData } from './open-data.ts';
import { openDataPlaces, type OpenDataPlaces } from './open-data-splice.ts';
import { batchPages, countPages, pageFilesOf, pagedView, sharedPageData, type PagedView, type SharedPageData } from './paged-view.ts';
import { forgetCachedTemplates, runEleventy } from './run-eleventy.ts';
import { normalizeBasePath, routes } from './urls.ts';
import { tidySpare, type SpareFile } from './spare.ts';
import { surveySpareMeanwhile } from './spare-survey.ts';
import { buildView } from './view/build-view.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../site-templates/', import.meta.url));

/**
 * Paged pages per Eleventy run. Eleventy keeps every page of a run in memory until the run ends
 * (its results carry each page's content); at N = 10,000 minutes one run over everything held
 * gigabytes. Each run starts in a fraction of a second, so a few more runs cost little. Since the
 * search index begins during rendering (its Pagefind service then holds a shard beside Eleventy),
 * runs of 1,000 rather than 1,500 pages keep the cold build of 10,000 minutes ~40 MiB lower
 * (tree peak 1,388–1,418 against 1,425–1,454 MiB), and its first shards begin sooner.
 */
const PAGES_PER_RUN = 1000;

/** Paged pages of a run from which on the run's garbage is collected right after it. */
const COLLECT_AFTER_PAGES = 100;

/**
 * Rendered pages from which on the open data is written before afterRender, not while it runs.
 * Such a build indexes most of the site again, and the model is best freed before the index reads
 * every page: written inside the index, the cold build at 10,000 minutes still held 1,165 MiB in
 * this process late in the index, 1,756 MiB with Pagefind's services; written first, its peak is
 * the render's again (1,271 MiB, measured the same way).
 */
const OPEN_DATA_FIRST_PAGES = 1000;

/** /data/archive.json, relative to the output directory. */
const OPEN_DATA_FILE = routes.data.replace(/^\/+/, '');

export interface RenderOptions {
  /** The output directory, replaced as a whole (e.g. "_site"). */
  outDir: string;
  /** The path the site is served under: "/" or "/zapisy/". Every link and asset honours it. */
  basePath?: string;
  /**
   * Runs on the finished temporary directory before it is swapped in (search indexing). It is given
   * the HTML pages there (outside reservedDirs), and the writing of /data/archive.json, which needs
   * none of the pages, to run when it suits it (while Pagefind indexes in processes of its own);
   * whatever it has not run is run after it.
   */
  afterRender?: (dir: string, pages: RenderedPages, meanwhile: () => Promise<void>) => Promise<void>;
  /**
   * Called after each Eleventy run with the paged pages it wrote into the temporary directory `dir`
   * (the search index begins with them while the next run renders). They stay as they are.
   */
  onRendered?: (dir: string, files: readonly string[]) => void;
  /** Overrides the template folder (tests). */
  templatesDir?: string;
  /**
   * The cache folder (e.g. ".cache/minutes"): keeps the manifest of the published pages, so the
   * next build renders only the pages that changed. Without it every page is rendered.
   */
  cacheDir?: string;
  /** Paged pages per Eleventy run (default PAGES_PER_RUN; tests use small runs). */
  pagesPerRun?: number;
  /**
   * Top-level folders of the output that `afterRender` writes and brings up to date itself when
   * the build goes into the spare (e.g. "pagefind"); anything else a spare holds is render's.
   */
  reservedDirs?: readonly string[];
}

/** The HTML pages of a finished temporary directory, and what is known of them without looking. */
export interface RenderedPages {
  /** Relative to the directory, with "/", sorted. */
  files: readonly string[];
  /** Pages that are hard links of the published site's files, with the stat they share with them. */
  linkedStats: ReadonlyMap<string, StatFields>;
}

export interface RenderResult {
  outDir: string;
  basePath: string;
  /** HTML pages of the site. */
  pages: number;
  /** Paged pages (meetings, organizations, groups, years, calendars) rendered by this build… */
  renderedPages: number;
  /** …and taken unchanged from the previous output. */
  reusedPages: number;
  /** Meetings, organizations and people of /data/archive.json copied from the previous output instead of written again. */
  copiedOpenData: Record<PieceKind, number>;
}

export async function renderSite(model: ArchiveModel | Handover<ArchiveModel>, options: RenderOptions): Promise<RenderResult> {
  const basePath = normalizeBasePath(options.basePath);
  const outDir = path.resolve(options.outDir);
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const manifest = options.cacheDir ? manifestFile(options.cacheDir, outDir) : undefined;
  const openDataRecord = options.cacheDir ? folderRecordFile(options.cacheDir, outDir, 'open-data') : undefined;
  const { result, published, copied, openData } = await writeDirectoryAtomically(
    outDir,
    (dir, staging) => produceSite(model, dir, { ...options, basePath, outDir, templatesDir, manifest, openDataRecord, staging }),
    // Only an incremental build reuses the previous site, and so the spare.
    { spare: manifest !== undefined },
  );
  if (manifest) {
    // Only after the swap: the manifest describes the published files. A manifest that cannot be
    // written costs the next build its speed, not its correctness (it checks every file it reuses).
    await saveManifest(manifest, published, outDir, copied).catch(() => {});
    await openData?.save(path.join(outDir, OPEN_DATA_FILE)).catch(() => {});
  }
  return result;
}

/** The whole site in the staging directory `dir`: pages, open data and what afterRender adds. */
async function produceSite(
  model: ArchiveModel | Handover<ArchiveModel>,
  dir: string,
  options: PageOptions & { openDataRecord: string | undefined },
): Promise<{ result: RenderResult; published: PublishedPages; copied: Set<string>; openData: OpenDataPlaces | undefined }> {
  const { published, copied, openDataWriter } = await renderPages(model, dir, options);
  // The view is garbage now; a handed-over model is held only by openDataWriter until it has run.
  collectLargeGarbage();
  const { openDataRecord, outDir } = options;
  const writeOpenDataNow = once(async () => {
    const places = await openDataWriter(path.join(dir, OPEN_DATA_FILE), openDataRecord ? openDataPlaces(openDataRecord, path.join(outDir, OPEN_DATA_FILE)) : undefined);
    // The model is garbage now: what remains of the search index gets the memory.
    collectLargeGarbage();
    return places;
  });
  if (published.hashes.size - published.reused.length >= OPEN_DATA_FIRST_PAGES) {
    await writeOpenDataNow();
    // Whatever the heap holds now: the index reads every page for Pagefind, whose services grow
    // meanwhile, and this process grew with that garbage. Once the texts stayed in the cache, the
    // heap here was under collectLargeGarbage's threshold, and the cold build of 10,000 minutes grew
    // to 1,023 MiB during the index (the tree 1,794 MiB); collected here, 611 MiB (the tree 1,233 MiB).
    collectGarbage();
  }
  const pages = renderedPages(published, copied);
  if (options.afterRender) await options.afterRender(dir, pages, async () => void (await writeOpenDataNow()));
  const openData = await writeOpenDataNow();
  const result: RenderResult = {
    outDir,
    basePath: options.basePath,
    pages: pages.files.length,
    renderedPages: published.hashes.size - published.reused.length,
    reusedPages: published.reused.length,
    copiedOpenData: openData?.copied ?? noPieces(),
  };
  return { result, published, copied, openData };
}

/**
 * The pages as planned, not as a walk of the directory finds them (~0.2 s over the ~10,000 folders
 * of a 10,000-minute site): every template pages over the plan (paged-view.ts), checkRendered found
 * each rendered page where the plan put it, the reused ones were linked or kept, and a spare holds
 * nothing else (spare.ts).
 */
function renderedPages(published: PublishedPages, copied: ReadonlySet<string>): RenderedPages {
  const files = [...published.hashes.keys()].filter((file) => file.endsWith('.html')).sort();
  const linkedStats = new Map([...published.reusedStats].filter(([file]) => !copied.has(file)));
  return { files, linkedStats };
}

/**
 * Every page of the site into `dir`: rendered by Eleventy or taken from the previous output. The
 * model (taken here when handed over) and its view live only in this function; what it returns
 * holds the model only until the open data is written.
 */
async function renderPages(
  source: ArchiveModel | Handover<ArchiveModel>,
  dir: string,
  options: PageOptions,
): Promise<{ published: PublishedPages; copied: Set<string>; openDataWriter: OpenDataWriter }> {
  const model = source instanceof Handover ? source.take() : source;
  const { published, toLink } = await renderChangedPages(model, dir, options);
  // Eleventy has written its pages by now, and the search index only adds new files: nothing
  // writes into these links of the published site's files.
  const copied = await linkFiles(toLink, options.outDir, dir);
  const held = new Handover(model);
  return { published, copied, openDataWriter: (file, places) => writeOpenDataOf(held.take(), file, places) };
}

/** Writes /data/archive.json of the model it was made for, once; resolves with the places of its pieces. */
type OpenDataWriter = (file: string, places: Promise<OpenDataPlaces> | undefined) => Promise<OpenDataPlaces | undefined>;

async function writeOpenDataOf(model: ArchiveModel, file: string, places: Promise<OpenDataPlaces> | undefined): Promise<OpenDataPlaces | undefined> {
  const splice = await places;
  try {
    await writeOpenData(model, file, splice);
    return splice;
  } finally {
    splice?.close();
  }
}

type PageOptions = RenderOptions & { basePath: string; outDir: string; templatesDir: string; manifest: string | undefined; staging: Staging };

/**
 * The pages whose data changed (every page without a manifest), by Eleventy; returns what the
 * manifest will record and the reused pages still to be linked from the previous output.
 */
async function renderChangedPages(model: ArchiveModel, dir: string, options: PageOptions): Promise<{ published: PublishedPages; toLink: readonly string[] }> {
  const { basePath, templatesDir } = options;
  const survey = options.staging.fromSpare ? surveySpareMeanwhile(dir, options.reservedDirs ?? []) : undefined;
  survey?.catch(() => {}); // Awaited below, unless the view or the plan fails first.
  const view = buildView(model, { basePath });
  const shared = sharedPageData(view);
  // Planned here, after writeDirectoryAtomically has put back a site a killed build left aside.
  const plan = await planRender(pagedView(view), shared, {
    manifest: options.manifest,
    previousDir: options.outDir,
    fingerprint: await rendererFingerprint(templatesDir, basePath),
  });
  const toLink = await clearStaging(dir, plan.published, options, survey);
  const runs = batchPages(plan.pages, options.pagesPerRun ?? PAGES_PER_RUN);
  try {
    for (const [index, pages] of runs.entries()) {
      await runEleventy(shared, pages, dir, basePath, templatesDir, { assets: index === 0 });
      options.onRendered?.(dir, pageFilesOf(pages));
      // What Eleventy kept of a run is garbage once the run is written. After a run of a few pages
      // (a warm build's) that is little, and the collection after rendering takes it: a full
      // collection of a 10,000-minute model costs ~0.3 s.
      if (countPages(pages) >= COLLECT_AFTER_PAGES) collectAccumulatedGarbage();
    }
  } finally {
    // Eleventy's caches would keep the view, and the model with it, alive into the search index.
    await forgetCachedTemplates(templatesDir);
  }
  await checkRendered(plan.published, dir);
  return { published: plan.published, toLink };
}

/**
 * Before Eleventy writes anything: a spare keeps the reused pages it holds as the published files
 * and loses everything else (spare.ts); when it holds too little of this build, it is set aside
 * for a fresh directory. Returns the reused pages to link.
 */
async function clearStaging(dir: string, published: PublishedPages, { staging }: PageOptions, survey: Promise<SpareFile[]> | undefined): Promise<readonly string[]> {
  if (!staging.fromSpare || !survey) return published.reused;
  const tidied = tidySpare(dir, published.reused, published.reusedStats, await survey);
  if (tidied) return tidied.toLink;
  await staging.discardSpare();
  return published.reused;
}

/** `work` run at most once: every call gets the promise of the first. */
function once<T>(work: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= work());
}
