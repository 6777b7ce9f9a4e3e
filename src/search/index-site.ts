/**
 * indexSite: the search index of a rendered site. Runs after Eleventy on the finished output
 * directory (render's `afterRender`), so it indexes exactly the HTML that is published:
 *
 * 1. every HTML page with data-pagefind-body (the meeting pages) goes to Pagefind's Node API,
 *    under strategy B (index-stems) with the stems block added to what Pagefind sees — the file on
 *    disk stays as rendered;
 * 2. the Pagefind bundle is written to <outDir>/pagefind/;
 * 3. the browser script of /hledat/ is bundled from src/search/client/ to <outDir>/assets/search.js,
 *    with the same strategy compiled in, so the query is stemmed the way the index was.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { BUNDLE_DIR, CLIENT_SCRIPT, SITE_STRATEGY, type SearchStrategy } from './config.ts';
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
}

export interface IndexSiteResult {
  /** Pages in the index (the meeting pages). */
  pages: number;
  /** Stems added to the index (strategy B), summed over pages. */
  stems: number;
  strategy: SearchStrategy;
  bundleDir: string;
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

export async function indexSite(outDir: string, options: IndexSiteOptions = {}): Promise<IndexSiteResult> {
  const root = path.resolve(outDir);
  const strategy = options.strategy ?? SITE_STRATEGY;
  const bundleDir = options.bundleDir ?? BUNDLE_DIR;

  const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language ?? 'cs' });
  if (!index) throw new SearchIndexError('Vyhledávací index se nepodařilo založit (Pagefind).', errors);
  try {
    let pages = 0;
    let stems = 0;
    const problems: string[] = [];
    for (const file of await htmlFiles(root, new Set([bundleDir]))) {
      let html = await readFile(path.join(root, file), 'utf8');
      if (!/\sdata-pagefind-body[\s=>]/.test(html)) continue;
      html = separateWords(html);
      if (strategy === 'index-stems') {
        const added = withStemsBlock(html);
        html = added.html;
        stems += added.stems;
      }
      const response = await index.addHTMLFile({ url: pageUrl(file), content: html });
      if (response.errors.length) problems.push(...response.errors.map((e) => `${file}: ${e}`));
      else pages++;
    }
    if (problems.length) throw new SearchIndexError('Některé stránky se nepodařilo zařadit do vyhledávání.', problems);
    const written = await index.writeFiles({ outputPath: path.join(root, bundleDir) });
    if (written.errors.length) throw new SearchIndexError('Vyhledávací index se nepodařilo zapsat.', written.errors);
    await removeUnusedUi(path.join(root, bundleDir));
    if (options.client !== false) await bundleClient(root, strategy);
    return { pages, stems, strategy, bundleDir };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/**
 * Pagefind runs the text of adjacent table and definition-list cells together: the meeting facts
 * `<dt>Datum</dt><dd>pondělí …` would be indexed as the word "Datumpondělí" (and "Zapsal/aLukáš").
 * A space after those closing tags keeps the words apart; only the copy handed to Pagefind changes.
 */
export function separateWords(html: string): string {
  return html.replace(/<\/(dt|dd|th|td|caption)>(?=<)/gi, '</$1> ');
}

/**
 * Pagefind writes its ready-made UIs next to the index; the site has its own search page, so
 * they would only be dead weight (~400 kB) in the published site.
 */
const UNUSED_UI = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

async function removeUnusedUi(bundle: string): Promise<void> {
  for (const name of await readdir(bundle)) if (UNUSED_UI.test(name)) await rm(path.join(bundle, name), { force: true });
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

async function htmlFiles(root: string, skip: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !skip.has(file.split(path.sep)[0]!))
    .sort();
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
