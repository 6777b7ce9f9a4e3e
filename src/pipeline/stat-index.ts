/**
 * A map from file to what was learnt from it, kept in one sealed file of the cache folder, with
 * each file's size, modification time and inode as git's index keeps them: a file whose stat is
 * unchanged need not be read again. The archive index (a minute's key and summary, so a warm
 * `minutes validate` reads one file instead of one per minute) and the search stage (a page's
 * year, filters and hash) use it.
 *
 * A stat is kept only for a file last modified well before the run began: a file written during
 * the run, or within the timestamp granularity of a coarse file system, could change again and
 * keep its stat, so the next run reads it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { unseal, writeSealed } from './cache.ts';

export interface Remembered {
  /** Size, modification time and inode, when they can be trusted to show a change. */
  stat?: string;
}

/** A file's modification must be this much older than the run for its stat to be kept. */
const RACY_MS = 3000;

function statSignature(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
}

/** The signature to remember for a file, or undefined when the file is too fresh to trust it. */
export function trustedStat(stats: Stats, runStartedAt: number): string | undefined {
  return stats.mtimeMs < runStartedAt - RACY_MS ? statSignature(stats) : undefined;
}

/** Whether what was remembered of a file still holds, by its stat alone. */
export function unchangedByStat(known: Remembered | undefined, stats: Stats): boolean {
  return known?.stat !== undefined && known.stat === statSignature(stats);
}

export class StatIndex<T extends Remembered> {
  readonly file: string;
  constructor(
    cacheDir: string,
    /** What the entries describe and for which folder, e.g. "index" and the archive root. */
    kind: string,
    folder: string,
    /** Everything else the entries depend on (the tool, the registers): another salt, an empty index. */
    private readonly salt: string,
  ) {
    this.file = path.join(cacheDir, `${kind}-${createHash('sha1').update(path.resolve(folder)).digest('hex').slice(0, 16)}.json`);
  }

  /** The entries of the last run with the same salt, or none. */
  read(): Map<string, T> {
    let saved: Saved<T> | undefined;
    try {
      saved = unseal<Saved<T>>(readFileSync(this.file));
    } catch {
      // Not written yet.
    }
    return saved?.salt === this.salt ? new Map(saved.entries) : new Map();
  }

  /** Written atomically; a cache that cannot be written only costs speed. */
  write(entries: Map<string, T>): Promise<void> {
    const saved: Saved<T> = { salt: this.salt, entries: [...entries] };
    return writeSealed(this.file, saved);
  }
}

/** Whether `next` differs from `previous` (an entry added, removed or changed, by `same`). */
export function entriesChanged<T>(previous: Map<string, T>, next: Map<string, T>, same: (a: T, b: T) => boolean): boolean {
  if (previous.size !== next.size) return true;
  for (const [file, entry] of next) {
    const known = previous.get(file);
    if (!known || !same(known, entry)) return true;
  }
  return false;
}

interface Saved<T> {
  salt: string;
  entries: [string, T][];
}
