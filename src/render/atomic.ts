import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Produces a directory atomically: `produce` fills a fresh temporary directory next to `target`
 * (same file system, so renames are atomic); only when it resolves is the temporary directory
 * swapped into place with renames. When it throws, the temporary directory is removed and
 * `target` is left exactly as it was.
 */
export async function writeDirectoryAtomically<T>(target: string, produce: (dir: string) => Promise<T>): Promise<T> {
  const absolute = path.resolve(target);
  const parent = path.dirname(absolute);
  const name = path.basename(absolute);
  await mkdir(parent, { recursive: true });
  const temp = await mkdtemp(path.join(parent, `.${name}.new-`));
  let result: T;
  try {
    result = await produce(temp);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
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
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (old) await rm(old, { recursive: true, force: true });
  return result;
}
