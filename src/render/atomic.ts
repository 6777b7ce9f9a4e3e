import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Produces a directory atomically: `produce` fills a fresh temporary directory next to `target`
 * (same file system, so renames are atomic); only when it resolves is the temporary directory
 * swapped into place with renames. When it throws, the temporary directory is removed and
 * `target` is left exactly as it was. A build killed half-way leaves only such a temporary
 * directory behind, never a half-written target; the next build clears it away.
 */
export async function writeDirectoryAtomically<T>(target: string, produce: (dir: string) => Promise<T>): Promise<T> {
  const absolute = path.resolve(target);
  const parent = path.dirname(absolute);
  const name = path.basename(absolute);
  await mkdir(parent, { recursive: true });
  await recoverAndClear(parent, name);
  const temp = await mkdtemp(path.join(parent, `.${name}.new-`));
  let result: T;
  try {
    result = await produce(temp);
  } catch (error) {
    await removeSettled(temp);
    throw error;
  }
  const old = existsSync(absolute) ? `${temp.replace(/\.new-([^/\\]+)$/, '.old-$1')}` : undefined;
  try {
    if (old) await rename(absolute, old);
    try {
      await rename(temp, absolute);
    } catch (error) {
      if (old) await rename(old, absolute);
      throw error;
    }
  } catch (error) {
    await removeSettled(temp);
    throw error;
  }
  if (old) await rm(old, { recursive: true, force: true });
  return result;
}

/**
 * What builds killed before they could clean up left behind. A kill between the two renames of
 * the swap leaves the published site only as `.<name>.old-*`: it is put back first, so nothing
 * published is ever lost; then every staging directory is removed.
 */
async function recoverAndClear(parent: string, name: string): Promise<void> {
  const entries = await readdir(parent);
  const target = path.join(parent, name);
  const previous = entries.filter((entry) => entry.startsWith(`.${name}.old-`));
  if (!existsSync(target) && previous.length === 1) await rename(path.join(parent, previous[0]!), target);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.${name}.new-`) || entry.startsWith(`.${name}.old-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  }
}

/**
 * A renderer that fails may still have writes in flight (Eleventy rejects on the first failed
 * template while others are being written), and they would recreate the directory after a single
 * removal. Remove it until it stays gone.
 */
async function removeSettled(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await rm(dir, { recursive: true, force: true });
    await sleep(50);
    if (!existsSync(dir)) return;
  }
}
