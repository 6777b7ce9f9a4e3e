import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { mapConcurrently } from '../pipeline/map-concurrently.ts';

/** File system calls in flight at once over thousands of files. */
const PARALLEL = 64;

/** The files under `dir`, relative to it with "/" separators, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Puts `files` (relative paths) of `from` into `to` as hard links: the previous site they come from
 * is removed once the new one is swapped in, so nothing may write into them afterwards. Where a
 * link cannot be made (another file system), the file is copied. Returns the copied ones.
 */
export async function linkFiles(files: readonly string[], from: string, to: string): Promise<Set<string>> {
  const copied = new Set<string>();
  const folders = new Set(files.map((file) => path.dirname(path.join(to, file))));
  await mapConcurrently([...folders], PARALLEL, (folder) => mkdir(folder, { recursive: true }));
  await mapConcurrently(files, PARALLEL, async (file) => {
    try {
      await link(path.join(from, file), path.join(to, file));
    } catch {
      await copyFile(path.join(from, file), path.join(to, file));
      copied.add(file);
    }
  });
  return copied;
}
