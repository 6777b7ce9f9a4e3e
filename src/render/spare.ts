/**
 * A warm build into the spare (atomic.ts): the site published two builds ago, whose pages are
 * mostly hard links of the published site's. At 10,000 minutes making a fresh staging directory
 * costs ~10,000 folders and ~20,000 links (pages and search shards) in every build, and removing
 * the replaced site as many unlinks; the spare already has nearly all of them.
 *
 * The rule that keeps the published site safe: a file the build writes must not exist in the
 * staging directory beforehand, because a file left in the spare may be the very inode the
 * published site serves. So the spare keeps only what this build would link from the published
 * site anyway, and only where it is that same file; everything else goes before anything is written.
 */
import { lstatSync, rmdirSync, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileIdentity } from './incremental.ts';
import { entriesOutside } from './link-files.ts';

export interface TidiedSpare {
  /** Reused pages the spare does not hold as the published file: still to be linked. */
  toLink: string[];
}

/** A file of the spare (relative, with "/") and, for a regular file, which file it is (fileIdentity). */
export interface SpareFile {
  file: string;
  identity?: string;
}

/**
 * Every file of the spare in `dir` outside the top-level folders in `reserved`. At 10,000 minutes
 * a walk of ~10,000 folders: a build makes it in a worker thread while it builds the view
 * (spare-survey.ts). Nothing else writes into the spare meanwhile: it is this build's staging directory.
 */
export function surveySpare(dir: string, reserved: ReadonlySet<string>): SpareFile[] {
  const files: SpareFile[] = [];
  for (const { file, entry } of entriesOutside(dir, reserved)) {
    files.push(entry.isFile() ? { file, identity: identityOf(path.join(dir, file)) } : { file });
  }
  return files;
}

/**
 * Brings the spare in `dir`, whose files `survey` lists, to hold only those of the `reused` files
 * it has as the very files published (`published`: their stats in the previous output, which tell
 * which file each is, see fileIdentity). Returns undefined, changing nothing, when the spare holds
 * too little of this build to be worth tidying (after a full render: removing its files would cost
 * more than a fresh directory).
 */
export function tidySpare(dir: string, reused: readonly string[], published: ReadonlyMap<string, Pick<Stats, 'dev' | 'ino'>>, survey: readonly SpareFile[]): TidiedSpare | undefined {
  const wanted = new Set(reused);
  const keep = new Set<string>();
  const remove: string[] = [];
  for (const { file, identity } of survey) {
    const stats = identity === undefined || !wanted.has(file) ? undefined : published.get(file);
    if (stats && identity === fileIdentity(stats)) keep.add(file);
    else remove.push(file);
  }
  if (keep.size < remove.length) return undefined;
  for (const file of remove) unlinkSync(path.join(dir, file));
  removeEmptyFolders(dir, remove);
  return { toLink: reused.filter((file) => !keep.has(file)) };
}

function identityOf(file: string): string | undefined {
  try {
    return fileIdentity(lstatSync(file));
  } catch {
    return undefined;
  }
}

/** The folders of removed files, deepest first, that nothing is left in (a minute deleted since). */
function removeEmptyFolders(dir: string, removed: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of removed) {
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) folders.add(folder);
  }
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    try {
      rmdirSync(path.join(dir, folder));
    } catch {
      // Not empty: still in use.
    }
  }
}
