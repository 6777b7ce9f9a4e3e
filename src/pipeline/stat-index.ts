/**
 * A map from file to what was learnt from it, kept in one sealed file of the cache folder, with
 * each file's size, modification time and inode as git's index keeps them: a file whose stat is
 * unchanged need not be read again. The archive index (a minute's key and summary, so a warm
 * `minutes validate` reads one file instead of one per minute) and the search stage (a page's
 * year, filters and hash) use it.
 *
 * A stat is kept only for a file last modified well before the run began: a file written during
 * the run, or within the timestamp granularity of its file system, could change again and keep its
 * stat, so the next run reads it.
 */
import type { Stats } from 'node:fs';
import { rm } from 'node:fs/promises';
import { folderRecordFile, readSealed, writeSealed } from './cache.ts';

/** What a signature is made of: a Stats, or one passed on from where the file was stat'ed. */
export type StatFields = Pick<Stats, 'size' | 'mtimeMs' | 'ino'>;

export interface Remembered {
  /** Size, modification time and inode, when they can be trusted to show a change. */
  stat?: string;
}

/**
 * A file's modification must be this much older than the run for its stat to be kept, so that a
 * second change within the same tick of the file system's clock cannot keep the stat. Times with
 * a fraction of a second (ext4, btrfs, APFS, NTFS: the kernel's tick is a few milliseconds) need
 * little; whole seconds (FAT keeps two, some network file systems one) need more.
 */
const RACY_FINE_MS = 100;
const RACY_COARSE_MS = 3000;

/**
 * Size, modification time and inode in one string, made once per file and run: for 10,000 files,
 * writing the times out twice (to compare, then to remember) was ~10 ms of a warm check.
 */
export function statSignature(stats: StatFields): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
}

/** The signature to remember for a file, or undefined when the file is too fresh to trust it. */
export function trustedStat(stats: StatFields, runStartedAt: number, signature = statSignature(stats)): string | undefined {
  const margin = stats.mtimeMs % 1000 === 0 ? RACY_COARSE_MS : RACY_FINE_MS;
  return stats.mtimeMs < runStartedAt - margin ? signature : undefined;
}

/** Whether what was remembered of a file still holds, by its stat's signature alone. */
export function unchangedByStat(known: Remembered | undefined, signature: string): boolean {
  return known?.stat !== undefined && known.stat === signature;
}

/**
 * How entries stand in the file when not as they are: a compact form of the usual entry, which a
 * warm run parses ten thousand of.
 */
export interface EntryCodec<T> {
  encode(entry: T): unknown;
  /** The entry `encode` gave `stored` for. */
  decode(stored: unknown): T;
}

export class StatIndex<T extends Remembered> {
  readonly file: string;
  /** Changes since the base file, as git's split index keeps them: a small edit rewrites only these. */
  readonly changesFile: string;
  /** The base file as last read or written: its checksum, and its entries that the changes extend. */
  private base: { seal: string; entries: Map<string, T> } | undefined;
  /** The entries `read` returned (base and changes), which `save` compares with. */
  private current = new Map<string, T>();

  constructor(
    cacheDir: string,
    /** What the entries describe and for which folder, e.g. "index" and the archive root. */
    kind: string,
    folder: string,
    /** Everything else the entries depend on (the tool, the registers): another salt, an empty index. */
    private readonly salt: string,
    private readonly codec?: EntryCodec<T>,
  ) {
    this.file = folderRecordFile(cacheDir, folder, kind);
    this.changesFile = `${this.file}.changes`;
  }

  /** The entries of the last run with the same salt, or none. The map is not to be changed. */
  read(): Map<string, T> {
    const base = readSealed<Saved>(this.file);
    if (!base || base.value.salt !== this.salt) {
      this.base = undefined;
      return (this.current = new Map());
    }
    const entries = new Map<string, T>();
    for (const [file, stored] of base.value.entries) entries.set(file, this.decoded(stored));
    this.base = { seal: base.seal, entries };
    const changes = readSealed<Changes>(this.changesFile);
    if (!changes || changes.value.base !== base.seal) return (this.current = entries);
    const current = new Map(entries);
    for (const [file, stored] of changes.value.set) current.set(file, this.decoded(stored));
    for (const file of changes.value.removed) current.delete(file);
    return (this.current = current);
  }

  /**
   * Remembers `next` if it differs from what `read` returned (by `same`): a few changes go to the
   * changes file, many rewrite the base. Written atomically; a cache that cannot be written only
   * costs speed.
   */
  async save(next: Map<string, T>, same: (a: T, b: T) => boolean): Promise<void> {
    if (!entriesChanged(this.current, next, same)) return;
    this.current = next;
    const base = this.base;
    if (base) {
      const set = [...next].filter(([file, entry]) => {
        const known = base.entries.get(file);
        return !known || !same(known, entry);
      });
      const removed = [...base.entries.keys()].filter((file) => !next.has(file));
      if (set.length + removed.length <= Math.max(MIN_CHANGES, base.entries.size * CHANGES_SHARE)) {
        await writeSealed(this.changesFile, { salt: this.salt, base: base.seal, set: this.encoded(set), removed } satisfies Changes);
        return;
      }
    }
    const seal = await writeSealed(this.file, { salt: this.salt, entries: this.encoded([...next]) } satisfies Saved);
    this.base = seal ? { seal, entries: next } : undefined;
    await rm(this.changesFile, { force: true }).catch(() => {});
  }

  private encoded(entries: [string, T][]): [string, unknown][] {
    const codec = this.codec;
    return codec ? entries.map(([file, entry]) => [file, codec.encode(entry)]) : entries;
  }

  private decoded(stored: unknown): T {
    return this.codec ? this.codec.decode(stored) : (stored as T);
  }
}

/**
 * The changes file grows with every run until the base is rewritten: at most this many entries, or
 * this share of the base (a warm check of 10,000 minutes reads 4 MB of base; a tenth more is cheap,
 * rewriting the whole is not).
 */
const MIN_CHANGES = 64;
const CHANGES_SHARE = 0.1;

/** Whether `next` differs from `previous` (an entry added, removed or changed, by `same`). */
function entriesChanged<T>(previous: Map<string, T>, next: Map<string, T>, same: (a: T, b: T) => boolean): boolean {
  if (previous.size !== next.size) return true;
  for (const [file, entry] of next) {
    const known = previous.get(file);
    if (!known || !same(known, entry)) return true;
  }
  return false;
}

interface Changes {
  salt: string;
  /** Checksum of the base file these changes extend; changes of another base are ignored. */
  base: string;
  /** Entries as the codec keeps them. */
  set: [string, unknown][];
  removed: string[];
}

interface Saved {
  salt: string;
  entries: [string, unknown][];
}
