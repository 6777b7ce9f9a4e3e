/**
 * Eleventy, loaded without its ESM cache buster. On import Eleventy 3 registers a module loader hook
 * so that `--watch` re-imports JavaScript templates and data files that changed; on Node 20 the hook
 * runs in a loader thread of its own, which took ~0.2 s to start in every build, and every later
 * `import()` of the process then waits on that thread. The site's templates are Nunjucks and its data
 * comes from the model, so there is nothing the hook could re-import. ELEVENTY_SKIP_ESM_RESOLVER is
 * Eleventy's own switch for it; it is read when Eleventy is first evaluated, hence the import after it.
 * Loaded here, Eleventy's Nunjucks also compiles each string once per run (nunjucks-compile-cache.ts).
 */
import { cacheNunjucksCompiles } from './nunjucks-compile-cache.ts';

process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= 'true';

const { default: Eleventy } = await import('@11ty/eleventy');
cacheNunjucksCompiles();

export default Eleventy;
