import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under the given paths, sorted so that runs are deterministic.
 * Folders are walked for the files that `include` accepts; a file named explicitly is always kept,
 * so that a secretary who validates a stray `.txt` is told what is wrong with it, and so is a path
 * that does not exist (a typo must not pass as "no problems").
 */
export async function discoverFiles(paths: readonly string[], include: (name: string) => boolean): Promise<string[]> {
  const found = new Set<string>();
  for (const entry of paths) {
    const info = await stat(entry).catch(() => undefined);
    if (!info) found.add(path.resolve(entry));
    else if (info.isDirectory()) await walk(entry, include, found);
    else found.add(path.resolve(entry));
  }
  return [...found].sort();
}

async function walk(dir: string, include: (name: string) => boolean, found: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.resolve(dir, entry.name);
    if (entry.isDirectory()) await walk(full, include, found);
    else if (entry.isFile() && include(entry.name)) found.add(full);
  }
}
