/**
 * The files of the search bundle that the browser loads besides the index: Pagefind's script
 * (minified, without the UIs the site does not use) and the /hledat/ page's own script.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from '../render/minify.ts';
import { CLIENT_SCRIPT, type SearchStrategy } from './config.ts';
import { SearchIndexError } from './search-index-error.ts';

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
export async function trimBundle(bundle: string): Promise<void> {
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
