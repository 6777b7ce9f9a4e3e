/**
 * One run of Eleventy 3 over site-templates/: the configuration every run shares (Nunjucks, the
 * filters, the page data as global data), Eleventy's messages kept for the error, and its
 * process-wide caches forgotten so that runs and builds stay independent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EleventyUserConfig } from '@11ty/eleventy';
import { formatCzechDate, formatCzechDateShort, pluralCs, pluralWordCs } from './czech.ts';
import { eleventyEntry } from './eleventy-entry.ts';
import { filesUnder } from './link-files.ts';
import Eleventy from './load-eleventy.ts';
import { minify } from './minify.ts';
import type { PagedView, SharedPageData } from './paged-view.ts';
import { siteUrl } from './urls.ts';

/** One Eleventy run into `outDir`: the templates over `pages` and, with `assets`, the stylesheet and scripts. */
export async function runEleventy(
  shared: SharedPageData,
  pages: PagedView,
  outDir: string,
  basePath: string,
  templatesDir: string,
  { assets }: { assets: boolean },
): Promise<void> {
  await forgetCachedTemplates(templatesDir);
  const eleventy = new Eleventy(templatesDir, outDir, {
    source: 'script',
    runMode: 'build',
    quietMode: true,
    configPath: '',
    pathPrefix: basePath,
    config(config) {
      // Eleventy's timing warnings ("Benchmark … url filter") are noise for the people running this.
      config.benchmarkManager.setVerboseOutput(false);
      for (const group of Object.values(config.benchmarkManager.getAll())) group.setIsVerbose(false);
      config.setTemplateFormats(['njk']);
      config.setUseGitIgnore(false);
      // Layouts are compiled once per build, not once per page (without the cache Eleventy builds
      // a new layout for every paginated page); forgetCachedTemplates keeps builds independent.
      config.setUseTemplateCache(true);
      // Eleventy writes each page, and makes its folder, synchronously in this thread. Its writeMode
      // "async" would do both in libuv's thread pool, but Eleventy 3.1.8 reads that option from the
      // wrong object and never applies it. Applied by hand, and with the folders made beforehand in
      // the pool, alternating cold builds of 10,000 minutes showed no gain (seven and five pairs):
      // both cores are busy while pages render, and the syscalls only moved to the other one.
      config.setIncludesDirectory('_includes');
      config.setNunjucksEnvironmentOptions({
        autoescape: true,
        throwOnUndefined: true,
        trimBlocks: true,
        lstripBlocks: true,
      });
      // Every template pages over `pages` (the items to render this time) and reads only its item,
      // `site` and `nav` (see paged-view.ts).
      config.addGlobalData('pages', pages);
      config.addGlobalData('site', shared.site);
      config.addGlobalData('nav', shared.nav);
      config.addGlobalData('basePath', basePath);
      if (assets) {
        config.addPassthroughCopy({ [path.join(templatesDir, 'assets', '*.!(css)')]: 'assets' });
        // Every page loads the stylesheet; minified it is 14 % smaller as gzip sends it.
        config.addTemplateFormats('css');
        config.addExtension('css', { outputFileExtension: 'css', compile: (css, file) => async () => minify(css, 'css', file) });
      }
      // Replaces Eleventy's deprecated `url` filter, which returns "/zapisy/" unchanged under the
      // base path "/zapisy/" (it takes it for already prefixed). Added from a plugin because plugins
      // run after Eleventy's default configuration, which would otherwise re-add its own.
      config.addPlugin((late: EleventyUserConfig) => late.addFilter('url', (value: string) => siteUrl(basePath, value)));
      config.addFilter('czDate', (value: string) => formatCzechDate(value, { nbsp: true }));
      config.addFilter('czDateShort', (value: string) => formatCzechDateShort(value, { nbsp: true }));
      config.addFilter('plural', (count: number, one: string, few: string, many: string) => pluralCs(count, [one, few, many]));
      config.addFilter('pluralWord', (count: number, one: string, few: string, many: string) => pluralWordCs(count, [one, few, many]));
    },
  });
  // Eleventy's summary line ("Wrote 48 files…") is not for the secretary; warnings and errors are
  // kept and shown when something goes wrong.
  const messages: string[] = [];
  eleventy.logger.overrideLogger({
    log: () => {},
    warn: (message) => messages.push(message),
    error: (message) => messages.push(message),
  });
  try {
    await eleventy.write();
  } catch (error) {
    throw new RenderError(error, messages);
  }
}

/**
 * Eleventy 3 keeps template sources (TemplateContent's input cache) and compiled layouts
 * (LayoutCache, bound to the template engine, filters and base path of the build that compiled
 * them) in process-wide singletons. A second build in the same process — `minutes serve` after a
 * change, the tests — would get the first build's templates and layouts, and they keep that build's
 * view alive. Before each run and after the last one every template file is announced as modified
 * on Eleventy's event bus, the way its own watch mode invalidates them. If a future Eleventy moves
 * the bus, this does nothing and the tests say so: the build tests ("works at the root too", a
 * changed template re-renders every page) and release-model.test.ts.
 */
export async function forgetCachedTemplates(templatesDir: string): Promise<void> {
  const file = path.join(path.dirname(eleventyEntry()), 'EventBus.js');
  if (!existsSync(file)) return;
  const { default: bus } = (await import(pathToFileURL(file).href)) as { default?: { emit?: (type: string, ...args: unknown[]) => unknown } };
  if (!bus?.emit) return;
  for (const template of await filesUnder(templatesDir)) {
    await bus.emit('eleventy.resourceModified', path.join(templatesDir, template), [], {});
  }
  // The compiled templates too: a compiled template keeps its engine's filters, and through their
  // closures the build's view, alive.
  await bus.emit('eleventy.compileCacheReset');
}

/** A failed Eleventy run: the template problem, plus what Eleventy logged about it. */
export class RenderError extends Error {
  readonly details: string[];
  constructor(cause: unknown, details: string[]) {
    super(`Vykreslení webu selhalo: ${describe(cause)}`, { cause });
    this.name = 'RenderError';
    this.details = details;
  }
}

function describe(error: unknown): string {
  // Eleventy wraps template errors; the innermost message says what is wrong.
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
