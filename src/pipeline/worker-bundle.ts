/**
 * A worker module bundled into one JavaScript file with esbuild. Loading the analysis code
 * through tsx costs a worker about 2 s of CPU (every module resolved and loaded through the
 * loader hooks); the bundle loads in about 0.2 s, which is what makes workers pay off for
 * archives of a few hundred minutes. The bundle is built once per version of the tool (its name
 * carries toolVersion, which hashes the analysis code and the lockfile) and kept in the temp folder.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toolVersion } from './cache.ts';

const BUNDLE_DIR = path.join(os.tmpdir(), 'kpss-minutes-workers');

// A bundled CommonJS dependency may call require(); an ES module has none of its own.
const REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * The bundle of a TypeScript worker module, or undefined when it cannot be built (the caller then
 * loads it through tsx). `version` must change with any code the bundle holds: by default the
 * analysis code and the lockfile.
 */
export async function bundledWorker(module: URL, version = toolVersion()): Promise<URL | undefined> {
  const name = path.basename(fileURLToPath(module), '.ts');
  const file = path.join(BUNDLE_DIR, `${name}-${version.slice(0, 20)}.mjs`);
  try {
    await stat(file);
    return pathToFileURL(file);
  } catch {
    // Not built yet for this version of the tool.
  }
  try {
    const { build, stop } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(module)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      banner: { js: REQUIRE_SHIM },
    });
    // Not kept for the rest of the run with what the bundling took (see bin/cli-bundle.js).
    await stop();
    await mkdir(BUNDLE_DIR, { recursive: true });
    // Written under a temporary name and renamed: a parallel run never loads half a file.
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, result.outputFiles[0]!.contents);
    await rename(temp, file);
    return pathToFileURL(file);
  } catch {
    return undefined;
  }
}
