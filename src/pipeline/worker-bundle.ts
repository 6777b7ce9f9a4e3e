/**
 * A worker module bundled into one JavaScript file with esbuild. Loading the analysis code
 * through tsx costs a worker about 2 s of CPU (every module resolved and loaded through the
 * loader hooks), and the index code ~0.7 s with tsx's cache warm; a bundle loads in about 0.2 s,
 * which is what makes workers pay off for archives of a few hundred minutes. The bundles are made
 * as the CLI's is (bin/cli-bundle.js), for the same version of the code and beside it: each module
 * keeps its own URL (the index finds its search client and Pagefind from there) and the large
 * dependencies load from node_modules.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlePlugins, markBundleUsed, REQUIRE_SHIM, UNBUNDLED, workerBundleDir } from '../../bin/cli-bundle.js';

/** The bundle of a TypeScript worker module, or undefined when it cannot be built (the caller then loads it through tsx). */
export async function bundledWorker(module: URL): Promise<URL | undefined> {
  const dir = workerBundleDir();
  const file = path.join(dir, `${path.basename(fileURLToPath(module), '.ts')}.mjs`);
  try {
    await stat(file);
    markBundleUsed(dir);
    return pathToFileURL(file);
  } catch {
    // Not built yet for this version of the code.
  }
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(module)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      external: UNBUNDLED,
      banner: { js: REQUIRE_SHIM },
      logLevel: 'silent',
      plugins: bundlePlugins(esbuild),
    });
    // Not kept for the rest of the run with what the bundling took (see bin/cli-bundle.js).
    await esbuild.stop();
    await mkdir(dir, { recursive: true });
    // Written under a temporary name and renamed: a parallel run never loads half a file.
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, result.outputFiles[0]!.contents);
    await rename(temp, file);
    return pathToFileURL(file);
  } catch {
    return undefined;
  }
}
