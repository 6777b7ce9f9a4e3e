/**
 * The CLI is TypeScript and a fresh clone must run it after `npm ci` with no build step. Running
 * the sources through tsx costs about a second before any work starts (every module resolved and
 * compiled through loader hooks), which is most of a warm `minutes validate`. So the first run of
 * each version of the code bundles src/cli/main.ts with esbuild (about half a second) into
 * node_modules/.cache, and every later run loads that one file. When the bundle cannot be built
 * or stored (no esbuild, a read-only checkout) the sources run through tsx as before.
 *
 * Plain JavaScript: this runs before anything could compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = path.join(REPO, 'src', 'cli', 'main.ts');
const BUNDLE_DIR = path.join(REPO, 'node_modules', '.cache', 'kpss-minutes');

export const UNBUNDLED = ['@11ty/eleventy', 'pagefind', 'esbuild', 'tsx', 'mammoth', 'pdfjs-dist', 'iconv-lite', 'playwright-core', 'axe-core'];

// A bundled CommonJS dependency may call require(); an ES module has none of its own.
export const REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** The CLI's `main`, from the bundle of this version of the code, or from the sources through tsx. */
export async function loadCli() {
  const bundle = await bundleFor(codeVersion());
  if (bundle) return import(pathToFileURL(bundle).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(ENTRY).href);
}

/**
 * Hash of everything the bundle is made of: the sources, the locked dependencies, this file, and
 * where the checkout is: the bundle holds each module's absolute URL, so a copy of the checkout
 * that shares node_modules (as the workflow tests make) must not run this one's bundle, nor this
 * one the copy's.
 */
export function codeVersion(repo = REPO) {
  if (repo === REPO && ownVersion) return ownVersion;
  const hash = createHash('sha1').update(path.resolve(repo)).update('\0');
  const files = readdirSync(path.join(repo, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, path.join(repo, 'package-lock.json')]) hashFile(hash, path.relative(repo, file), file);
  hashFile(hash, 'bin/cli-bundle.js', fileURLToPath(import.meta.url));
  const version = hash.digest('hex');
  if (repo === REPO) ownVersion = version;
  return version;
}

/** codeVersion() of this checkout, once per thread: bin/minutes.js and the bundled CLI share this module. */
let ownVersion;

/**
 * Where the bundles of the worker threads of this version of the code go (src/pipeline/worker-bundle.ts):
 * beside the CLI's and not inside its folder, which is renamed into place whole once it is built.
 */
export function workerBundleDir(version = codeVersion()) {
  return path.join(BUNDLE_DIR, `workers-${version.slice(0, 20)}`);
}

function hashFile(hash, name, file) {
  hash.update(name).update('\0');
  try {
    hash.update(readFileSync(file));
  } catch {
    hash.update('<missing>');
  }
  hash.update('\0');
}

const DAY = 24 * 3600 * 1000;

/** Bundles of other versions not used for this long are removed when a new one is built. */
const UNUSED_FOR = 7 * DAY;

/**
 * Marks a bundle's folder as used now (its time of change), once a day at most: every version of
 * the code leaves bundles of a few MB, and only those no run has used lately are removed.
 */
export function markBundleUsed(dir) {
  const now = Date.now();
  try {
    if (now - statSync(dir).mtimeMs > DAY) utimesSync(dir, now / 1000, now / 1000);
  } catch {
    // A read-only checkout: its bundles are not removed by it either.
  }
}

/** Removes the bundles (and leftovers of interrupted bundling) of other versions that no run has used for UNUSED_FOR. */
function removeUnusedBundles(version, now = Date.now()) {
  for (const name of readdirSync(BUNDLE_DIR)) {
    if (!/^(cli|workers)-[0-9a-f]{20}(\.|$)/.test(name) || name.endsWith(`-${version.slice(0, 20)}`)) continue;
    const dir = path.join(BUNDLE_DIR, name);
    try {
      if (now - statSync(dir).mtimeMs > UNUSED_FOR) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

async function bundleFor(version) {
  const dir = path.join(BUNDLE_DIR, `cli-${version.slice(0, 20)}`);
  const entry = path.join(dir, 'main.js');
  try {
    statSync(entry);
    markBundleUsed(dir);
    return entry;
  } catch {
    // Not built yet for this version of the code.
  }
  // Built in a temporary folder and renamed: a parallel run never loads half a bundle.
  const temp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [ENTRY],
      bundle: true,
      // Each command in its own chunk, loaded on demand as main.ts intends: `validate` does not
      // load Eleventy, Pagefind, mammoth and pdf.js.
      splitting: true,
      outdir: temp,
      // Paths in the bundle (the comment naming each module) are from the checkout, whoever's
      // working folder the first run started in: the same version gives the same bundle.
      absWorkingDir: REPO,
      outExtension: { '.js': '.js' },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // The small pure-JavaScript dependencies (unified, micromark, yaml, zod…) are joined too:
      // loading micromark's hundreds of little modules one by one costs more than parsing a file.
      // The large ones, and those that find their own files at run time, load from node_modules.
      external: UNBUNDLED,
      banner: { js: REQUIRE_SHIM },
      logLevel: 'silent',
      plugins: bundlePlugins(esbuild),
    });
    // esbuild's service process would otherwise stay for the whole run, holding what the bundling
    // took (~80 MiB, measured in a cold build of 10,000 minutes); the next esbuild call starts a new one.
    await esbuild.stop();
    writeFileSync(path.join(temp, 'package.json'), '{ "type": "module" }\n');
    try {
      renameSync(temp, dir);
    } catch {
      // Another run built the same version first.
      rmSync(temp, { recursive: true, force: true });
    }
    statSync(entry);
    removeUnusedBundles(version);
    return entry;
  } catch {
    rmSync(temp, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * The esbuild plugins of every bundle of our code: each module keeps its own URL, and this file
 * stays outside the bundle, loaded by its URL, so that the bundled CLI and bin/minutes.js share one
 * instance of it (and compute codeVersion once).
 */
export function bundlePlugins(esbuild) {
  return [keepModuleUrls(esbuild), keepThisFileOutside()];
}

function keepThisFileOutside() {
  const self = fileURLToPath(import.meta.url);
  return {
    name: 'keep-cli-bundle-outside',
    setup(build) {
      build.onResolve({ filter: /cli-bundle\.js$/ }, (args) =>
        path.resolve(args.resolveDir, args.path) === self ? { path: import.meta.url, external: true } : undefined,
      );
    },
  };
}

/**
 * Our modules find their neighbours (templates, worker modules, the search client) from
 * import.meta.url; in one bundle every module would get the bundle's URL. Each module keeps its own,
 * replaced in its syntax tree (a string that merely contains the words is left alone).
 */
function keepModuleUrls(esbuild) {
  return {
    name: 'keep-module-urls',
    setup(build) {
      build.onLoad({ filter: /\.[mc]?[jt]s$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const { code } = await esbuild.transform(source, {
          loader: args.path.endsWith('ts') ? 'ts' : 'js',
          format: 'esm',
          target: 'node20',
          define: { 'import.meta.url': JSON.stringify(pathToFileURL(args.path).href) },
        });
        return { contents: code, loader: 'js' };
      });
    },
  };
}
