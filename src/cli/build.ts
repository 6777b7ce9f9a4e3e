import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ArchiveModel } from '../model/types.ts';
import { collectLargeGarbage } from '../pipeline/collect-garbage.ts';
import { buildArchiveModel } from '../pipeline/build-model.ts';
import { DEFAULT_CACHE_DIR } from '../pipeline/cache.ts';
import { Handover } from '../pipeline/handover.ts';
import { formatStylish } from '../report/stylish.ts';
import { czechCount } from '../report/summary.ts';
import { yearMonth } from '../search/shards.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';

export interface BuildSiteOptions {
  root: string;
  /** Output directory; relative paths are relative to the archive root. */
  outDir: string;
  /** Base path the site is served under; by default the path of site.base_url (e.g. /zapisy/). */
  basePath?: string;
  /** Build the search index (default true). */
  index?: boolean;
  /** Folder of the per-file cache (absolute, or relative to the root); undefined: no cache. */
  cacheDir?: string;
  /** Most meeting pages per search shard (tests and the benchmark; default search/shards.ts). */
  searchShardPages?: number;
  /** Paged pages per Eleventy run (tests; default render/render-site.ts). */
  pagesPerRun?: number;
  /**
   * Pages of one Eleventy run from which on the search index begins while the rest renders (tests;
   * default search/index-thread.ts; Infinity: never).
   */
  earlyIndexPages?: number;
}

export type BuildSiteResult =
  | { ok: false; diagnostics: Diagnostic[] }
  | {
      ok: true;
      diagnostics: Diagnostic[];
      /** What the archive holds; the model itself is released before the search index is built. */
      counts: ArchiveCounts;
      outDir: string;
      basePath: string;
      pages: number;
      indexedPages: number | undefined;
      timings: BuildTimings;
    };

export interface ArchiveCounts {
  meetings: number;
  groups: number;
  organizations: number;
}

/** Seconds spent in each stage of one build (the benchmark reports how each grows with the archive). */
export interface BuildTimings {
  /** read → parse → validate → extract → model, with the cache. */
  model: number;
  /** view + Eleventy, up to the finished HTML, and the search shards indexed meanwhile (early-index.ts). */
  render: number;
  /** The search index (Pagefind) after rendering, zero without it. */
  index: number;
  total: number;
  /** Search shards begun while the site rendered (early-index.ts). */
  shardsIndexedWhileRendering: number;
  /**
   * Peak resident memory of this process (its worker threads included; not the Pagefind binary) at
   * the end of each stage, in bytes: which stage raised the peak.
   */
  peakRss: { model: number; render: number; index: number };
}

/**
 * validate → model → render → index, with nothing written unless all of it succeeds: validation
 * errors stop before any output exists; a failed render or index leaves the previous site as it was.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  const cacheDir = options.cacheDir === undefined ? undefined : path.resolve(options.root, options.cacheDir);
  const analysed = await analyse(options.root, cacheDir);
  if (!analysed.model) return { ok: false, diagnostics: analysed.diagnostics };
  const { model, counts, baseUrl, meetingsPerMonth, diagnostics } = analysed;
  const modelled = performance.now();
  const modelPeak = peakRss();
  // The analysis (cache entries, worker results) is garbage now; render starts from the live model.
  collectLargeGarbage();
  let indexSeconds = 0;
  let renderPeak = 0;
  // Loaded only here: `minutes validate` need not pay for Eleventy and Pagefind.
  const [{ renderSite }, { basePathOf }, { IndexThread }, { BUNDLE_DIR }] = await Promise.all([
    import('../render/render-site.ts'),
    import('../render/urls.ts'),
    import('../search/index-thread.ts'),
    import('../search/config.ts'),
  ]);
  let indexedPages: number | undefined;
  let shardsIndexedWhileRendering = 0;
  const outDir = path.resolve(options.root, options.outDir);
  const search =
    options.index === false
      ? undefined
      : new IndexThread({ forecast: meetingsPerMonth, previousSite: outDir, shardPages: options.searchShardPages, startPages: options.earlyIndexPages });
  // The index thread is stopped however the build ends (its Pagefind services with it).
  const result = await renderSite(model, {
    outDir,
    basePath: options.basePath ?? basePathOf(baseUrl),
    cacheDir,
    pagesPerRun: options.pagesPerRun,
    reservedDirs: search ? [BUNDLE_DIR] : [],
    onRendered: search && ((dir, files) => search.rendered(dir, files)),
    afterRender:
      search &&
      (async (dir, pages, meanwhile) => {
        const indexing = performance.now();
        renderPeak = peakRss();
        const indexed = await search.index(dir, {
          previousSite: outDir,
          cacheDir,
          shardPages: options.searchShardPages,
          meanwhile,
          pages: pages.files,
          linkedStats: pages.linkedStats,
        });
        indexedPages = indexed.pages;
        shardsIndexedWhileRendering = indexed.earlyShards.length;
        indexSeconds = (performance.now() - indexing) / 1000;
      }),
  }).finally(() => search?.close());
  const finished = performance.now();
  const total = (finished - started) / 1000;
  const modelSeconds = (modelled - started) / 1000;
  const indexPeak = peakRss();
  const timings = {
    model: modelSeconds,
    render: total - modelSeconds - indexSeconds,
    index: indexSeconds,
    total,
    shardsIndexedWhileRendering,
    peakRss: { model: modelPeak, render: renderPeak || indexPeak, index: indexPeak },
  };
  return { ok: true, diagnostics, counts, ...result, indexedPages, timings };
}

/**
 * The model, handed over to render so that this build keeps no reference to it (see Handover), and
 * what the build reports of it afterwards.
 */
async function analyse(
  root: string,
  cacheDir: string | undefined,
): Promise<
  | { diagnostics: Diagnostic[]; model?: undefined }
  | { diagnostics: Diagnostic[]; model: Handover<ArchiveModel>; counts: ArchiveCounts; baseUrl: string; meetingsPerMonth: Map<number, number> }
> {
  const { model, diagnostics } = await buildArchiveModel(root, { cacheDir });
  if (!model) return { diagnostics };
  return {
    diagnostics,
    model: new Handover(model),
    counts: { meetings: model.meetings.length, groups: model.groups.length, organizations: model.organizations.length },
    baseUrl: model.site.baseUrl,
    meetingsPerMonth: meetingsPerMonth(model),
  };
}

/** The search index's forecast (early-index.ts): each meeting has a searchable page of its month. */
function meetingsPerMonth(model: ArchiveModel): Map<number, number> {
  const counts = new Map<number, number>();
  for (const meeting of model.meetings) {
    const key = yearMonth(Number(meeting.date.slice(0, 4)), Number(meeting.date.slice(5, 7)));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export async function runBuild(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    out: { type: 'string', default: '_site' },
    base: { type: 'string' },
    root: { type: 'string' },
    'no-index': { type: 'boolean', default: false },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    timings: { type: 'boolean', default: false },
  });
  const root = resolveRoot(values.root as string | undefined);
  const outDir = values.out as string;
  const result = await buildSiteReporting({
    timings: Boolean(values.timings),
    root,
    outDir,
    basePath: values.base as string | undefined,
    index: !values['no-index'],
    cacheDir: values['no-cache'] ? undefined : ((values['cache-dir'] as string | undefined) ?? DEFAULT_CACHE_DIR),
  });
  return result.ok ? 0 : 1;
}

/** buildSite with the Czech report a secretary reads: problems first, then one summary line. */
export async function buildSiteReporting(options: BuildSiteOptions & { timings?: boolean }): Promise<BuildSiteResult> {
  const shownOut = displayDir(options.root, options.outDir);
  let result: BuildSiteResult;
  try {
    result = await buildSite(options);
  } catch (error) {
    process.stderr.write(
      `✖ Web se nepodařilo sestavit: ${error instanceof Error ? error.message : String(error)}\n` +
        `  Předchozí verze webu ve složce ${shownOut} zůstala beze změny.\n`,
    );
    if (process.env.MINUTES_DEBUG) {
      const details = (error as { details?: string[] }).details;
      if (details?.length) process.stderr.write(`${details.join('\n')}\n`);
      process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    }
    return { ok: false, diagnostics: [] };
  }
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  if (!result.ok) {
    process.stderr.write(formatStylish(result.diagnostics, { color, checkedFiles: 0 }));
    process.stderr.write(`✖ Web nebyl sestaven, protože zápisy obsahují chyby. Složka ${shownOut} zůstala beze změny.\n`);
    return result;
  }
  if (result.diagnostics.length) process.stderr.write(formatStylish(result.diagnostics, { color, checkedFiles: 0 }));
  const { counts } = result;
  const search =
    result.indexedPages === undefined
      ? 'bez vyhledávacího indexu'
      : `vyhledávací index: ${czechCount(result.indexedPages, 'zápis', 'zápisy', 'zápisů')}`;
  process.stdout.write(
    `✔ Web sestaven do ${shownOut} (základní cesta ${result.basePath}): ` +
      `${czechCount(counts.meetings, 'zápis', 'zápisy', 'zápisů')}, ` +
      `${czechCount(counts.groups, 'skupina', 'skupiny', 'skupin')}, ` +
      `${czechCount(counts.organizations, 'organizace', 'organizace', 'organizací')}; ` +
      `${czechCount(result.pages, 'stránka', 'stránky', 'stránek')}, ${search}.\n`,
  );
  if (options.timings) process.stderr.write(`${formatTimings(result.timings)}\n`);
  return result;
}

function displayDir(root: string, outDir: string): string {
  const absolute = path.resolve(root, outDir);
  const relative = path.relative(process.cwd(), absolute) || '.';
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return `${shown.split(path.sep).join('/')}/`;
}

function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * One line for `--timings`: "Fáze: analýza a model 12,3 s · vykreslení 5,1 s (během něj začal index
 * 3 oddílů) · vyhledávací index 4,0 s · celkem 21,4 s · špička paměti … {json}".
 */
export function formatTimings(timings: BuildTimings): string {
  const s = (seconds: number) => `${seconds.toFixed(1).replace('.', ',')} s`;
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  const peaks = `špička paměti po fázích ${mib(timings.peakRss.model)} / ${mib(timings.peakRss.render)} / ${mib(timings.peakRss.index)}`;
  const early = timings.shardsIndexedWhileRendering;
  const meanwhile = early > 0 ? ` (během něj začal index ${czechCount(early, 'oddílu', 'oddílů', 'oddílů')})` : '';
  return `Fáze: analýza a model ${s(timings.model)} · vykreslení ${s(timings.render)}${meanwhile} · vyhledávací index ${s(timings.index)} · celkem ${s(timings.total)} · ${peaks} ${JSON.stringify(timings)}`;
}
