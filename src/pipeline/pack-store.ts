/**
 * Named entries appended to pack files, as git keeps its objects in packs rather than a file each.
 * The cache had kept three files per minute: a cold check of 10,000 minutes created 30,000 files,
 * and on ext4 (here with `discard`) creating a file cost 0.1–0.7 ms of kernel time, more right after
 * a large folder was deleted. With packs a run creates two files per writing thread.
 *
 *   <dir>/<pack>.pack  the entries one after another, each sealed (seal.ts)
 *   <dir>/<pack>.idx   a line per entry, `<name> <offset> <length>`, appended after the entry
 *
 * Each writer (each thread of a run) appends to a pack of its own, so no two writers share a file
 * and no written byte is ever rewritten. A reader finds entries through the lines of every .idx,
 * read when it first looks something up: its first lookups search the lines as read, later ones a
 * catalogue parsed from them (SEARCHED_LOOKUPS). An entry whose bytes do not match their
 * seal (a write cut short by a crash, a damaged disk) reads as missing and is made again; a torn
 * last line of an .idx is skipped.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import {
  INDEX,
  PACK,
  append,
  fileSize,
  findLine,
  indexOf,
  listIndexes,
  packOf,
  parseLine,
  readFrom,
  readRecord,
  type IndexLines,
  type Location,
} from './pack-files.ts';
import { SEAL_LENGTH, seal, sealInto, sealedText, unsealedBytes } from './seal.ts';

/**
 * Packs kept before the small ones are merged: every run that analyses a file adds one per thread,
 * and a lookup reads every .idx.
 */
export const MAX_PACKS = 16;

/** A pack at least this big is rewritten only once most of it is dead; smaller ones as smallPacksToMerge says. */
const LARGE_PACK = 16 * 2 ** 20;

/** Each small pack kept is at least this many times the size of the next smaller one (smallPacksToMerge). */
const GEOMETRIC_FACTOR = 2;

/**
 * Lookups answered by searching the .idx lines as read, before the catalogue is built. A warm check
 * after an edit looks up one or a few entries, and building the catalogue of a 10,000-minute cache
 * (30,000 lines parsed into a map) was 150 ms of its 0.9 s; a build looks up thousands and builds it.
 */
export const SEARCHED_LOOKUPS = 16;

export class PackStore {
  #catalogue: Map<string, Location> | undefined;
  /** The .idx lines read so far, in the order read, while lookups search them (SEARCHED_LOOKUPS). */
  #unparsed: IndexLines[] | undefined;
  /** Entries this store placed meanwhile, which the lines read so far may not hold yet. */
  readonly #placedUnparsed = new Map<string, Location>();
  #lookups = 0;
  /** Packs opened for reading while `reading` runs, closed when it returns. */
  #open: Map<string, number | undefined> | undefined;
  /** How much of each .idx has been read, so a refresh reads only what was appended since. */
  readonly #indexRead = new Map<string, number>();
  #writer: { pack: string; index: string; size: number } | undefined;
  /**
   * Entries put and not yet written, while writes are batched: their records one after another in
   * `records` up to `bytes`. A text is encoded and sealed right there, not into a buffer of its own
   * that is then copied twice (behind its seal, into the batch): for a cold check of 10,000 minutes
   * that was ~0.2 s of each thread.
   */
  #batch: { records: Buffer; bytes: number; lines: string[]; names: Set<string> } | undefined;
  /** Records found to match their seal by this store, by offset and pack (see #contentOf). */
  readonly #verified = new Set<string>();

  /**
   * @param run Names the packs this store begins. Stores given the same run (the threads of one
   * build) trust each other's records as written (#contentOf); by default a store trusts only its own.
   */
  constructor(
    readonly dir: string,
    readonly run: string = newRun(),
  ) {}

  /**
   * Gathers the entries put from now on and writes them a batch at a time, until endBatch. A cold
   * check of 10,000 minutes appended 30,000 entries one by one: opening, writing and closing the
   * pack and its index for each was 0.6 s of each thread. Entries not yet written are lost if the
   * thread ends without flush or endBatch, which only costs their analysis next time.
   */
  startBatch(): void {
    this.#batch ??= { records: Buffer.allocUnsafe(2 * BATCH_BYTES), bytes: 0, lines: [], names: new Set() };
  }

  /** Writes the entries gathered so far and puts every later one right away. */
  endBatch(): void {
    this.flush();
    this.#batch = undefined;
  }

  /** Appends an entry; whether it was taken (a cache that cannot be written only costs speed). */
  put(name: string, content: Buffer): boolean {
    return this.#batch ? this.#gather(name, content.length, (target, at) => content.copy(target, at)) : this.#appendNow(name, seal(content));
  }

  /** Appends an entry of `text` in UTF-8 (see put). */
  putText(name: string, text: string): boolean {
    // No UTF-16 code unit takes more than three bytes in UTF-8.
    return this.#batch ? this.#gather(name, text.length * 3, (target, at) => target.write(text, at, 'utf8')) : this.#appendNow(name, sealedText(text));
  }

  #appendNow(name: string, record: Buffer): boolean {
    try {
      const writer = (this.#writer ??= this.#newWriter());
      append(writer.pack, record);
      append(writer.index, Buffer.from(this.#placed(name, writer, record.length)));
      return true;
    } catch {
      this.#abandonWriter();
      return false;
    }
  }

  /** Puts into the batch the entry whose content `write` puts at an offset (at most `most` bytes) and says how long it is. */
  #gather(name: string, most: number, write: (target: Buffer, at: number) => number): boolean {
    const batch = this.#batch!;
    try {
      if (batch.bytes + SEAL_LENGTH + most > batch.records.length) this.flush();
      if (SEAL_LENGTH + most > batch.records.length) batch.records = Buffer.allocUnsafe(SEAL_LENGTH + most);
      const writer = (this.#writer ??= this.#newWriter());
      const start = batch.bytes;
      const length = write(batch.records, start + SEAL_LENGTH);
      sealInto(batch.records, start, length);
      batch.bytes += SEAL_LENGTH + length;
      batch.lines.push(this.#placed(name, writer, SEAL_LENGTH + length));
      batch.names.add(name);
      if (batch.bytes >= BATCH_BYTES) this.flush();
      return true;
    } catch {
      this.#abandonWriter();
      return false;
    }
  }

  /** Records where an entry of `length` bytes appended to the writer's pack stands; its index line. */
  #placed(name: string, writer: { pack: string; size: number }, length: number): string {
    const location = { pack: writer.pack, offset: writer.size, length };
    writer.size += length;
    if (this.#catalogue) this.#catalogue.set(name, location);
    else if (this.#unparsed) this.#placedUnparsed.set(name, location);
    return `${name} ${location.offset} ${location.length}\n`;
  }

  /** Writes the entries of the batch so far: the records first, then their index lines. */
  flush(): void {
    const batch = this.#batch;
    const writer = this.#writer;
    if (!batch || !writer || batch.bytes === 0) return;
    // Written before the batch is emptied: the next entry reuses its buffer.
    try {
      append(writer.pack, batch.records.subarray(0, batch.bytes));
      append(writer.index, Buffer.from(batch.lines.join('')));
      this.#emptyBatch();
    } catch {
      this.#abandonWriter();
    }
  }

  /**
   * After a failed write the pack's size is unknown: the next entry starts a pack of its own, and the
   * entries gathered for this one are dropped (they read as missing and are made again next time).
   */
  #abandonWriter(): void {
    this.#writer = undefined;
    this.#emptyBatch();
  }

  #emptyBatch(): void {
    if (!this.#batch) return;
    this.#batch.lines = [];
    this.#batch.bytes = 0;
    this.#batch.names.clear();
  }

  /** The entry's content, or undefined when it is missing or does not match its seal. */
  get(name: string): Buffer | undefined {
    // An entry of this thread's batch is written before it is read.
    if (this.#batch?.names.has(name)) this.flush();
    const location = this.#find(name);
    return location && this.#contentOf(location);
  }

  /**
   * The content of the record at `location`, checked against its seal only when this store may not
   * know it yet. A record is never rewritten (packs are only appended to, and merged into new ones),
   * so one check per store is enough; and one written in this run, by any of its threads, is what
   * they sealed. A cold build read each of its 10,000 minute texts twice (page, open data) right
   * after its analysis wrote them, and the checks were ~0.2 s of its main thread (SHA-1 of ~360 MB).
   */
  #contentOf(location: Location): Buffer | undefined {
    const record = readRecord(location, this.#open);
    if (!record) return undefined;
    const known = `${location.offset} ${location.pack}`;
    if (this.#verified.has(known) || (this.#ofThisRun(location.pack) && record.length >= SEAL_LENGTH)) return record.subarray(SEAL_LENGTH);
    const content = unsealedBytes(record);
    if (content) this.#verified.add(known);
    return content;
  }

  /**
   * Runs `read` with each pack opened once for all its lookups rather than once for each: a warm
   * build of 10,000 minutes reads 10,000 entries, and opening and closing a pack for each was ~0.1 s.
   * The packs are closed when `read` returns, so a thread ended later leaves none open.
   */
  reading<T>(read: () => T): T {
    if (this.#open) return read();
    this.#open = new Map();
    try {
      return read();
    } finally {
      for (const fd of this.#open.values()) if (fd !== undefined) closeSync(fd);
      this.#open = undefined;
    }
  }

  #find(name: string): Location | undefined {
    if (this.#catalogue || ++this.#lookups > SEARCHED_LOOKUPS) return this.#load().get(name);
    this.#unparsed ??= this.#newLines();
    return this.#placedUnparsed.get(name) ?? findLine(this.#unparsed, name);
  }

  /** Every entry by name, where it stands (the latest of two of one name). */
  entries(): ReadonlyMap<string, Location> {
    return this.#load();
  }

  /** Takes in the entries other writers (worker threads, other runs) appended since the last lookup. */
  refresh(): void {
    if (this.#catalogue) this.#parseInto(this.#catalogue, this.#newLines());
    else this.#unparsed?.push(...this.#newLines());
  }

  /**
   * Once there are more than MAX_PACKS packs, merges the mostly dead ones and the smallest ones
   * (smallPacksToMerge) into one pack of their live entries and deletes them. An entry is live when
   * `isLive` says so; the latest of two entries of one name is the one kept.
   */
  compact(isLive: (name: string) => boolean): void {
    if (listIndexes(this.dir).length <= MAX_PACKS) return;
    this.#catalogue = undefined;
    this.#unparsed = undefined;
    this.#placedUnparsed.clear();
    this.#indexRead.clear();
    const catalogue = this.#load();
    const liveBytes = new Map<string, number>();
    for (const [name, { pack, length }] of catalogue) {
      if (isLive(name)) liveBytes.set(pack, (liveBytes.get(pack) ?? 0) + length);
    }
    const packs = [...this.#indexRead.keys()].map(packOf).map((pack) => ({ pack, bytes: fileSize(pack) }));
    const mostlyDead = packs.filter(({ pack, bytes }) => (liveBytes.get(pack) ?? 0) * 2 < bytes);
    const small = packs.filter(({ bytes }) => bytes < LARGE_PACK).sort((a, b) => a.bytes - b.bytes);
    const merged = new Set([...mostlyDead, ...small.slice(0, smallPacksToMerge(small.map(({ bytes }) => bytes)))].map(({ pack }) => pack));
    // The live entries go to a pack of their own, and the next run's to another.
    this.flush();
    this.#writer = undefined;
    // Read through one descriptor per pack and written a batch at a time: put one by one, the 10,000
    // summaries of a cold check took 0.3–0.4 s to merge, opening and closing the packs for each.
    const batching = this.#batch !== undefined;
    this.startBatch();
    this.reading(() => {
      for (const [name, location] of [...catalogue]) {
        if (!merged.has(location.pack)) continue;
        catalogue.delete(name);
        const content = isLive(name) ? this.#contentOf(location) : undefined;
        if (content) this.put(name, content);
      }
    });
    // Written before the packs they came from are deleted.
    if (batching) this.flush();
    else this.endBatch();
    this.#writer = undefined;
    for (const pack of merged) {
      this.#indexRead.delete(indexOf(pack));
      rmSync(pack, { force: true });
      rmSync(indexOf(pack), { force: true });
    }
  }

  #load(): Map<string, Location> {
    if (!this.#catalogue) {
      const catalogue = new Map<string, Location>();
      this.#parseInto(catalogue, this.#unparsed ?? []);
      for (const [name, location] of this.#placedUnparsed) catalogue.set(name, location);
      this.#unparsed = undefined;
      this.#placedUnparsed.clear();
      this.#parseInto(catalogue, this.#newLines());
      this.#catalogue = catalogue;
    }
    return this.#catalogue;
  }

  #parseInto(catalogue: Map<string, Location>, read: readonly IndexLines[]): void {
    for (const { pack, lines } of read) {
      for (const line of lines.toString('latin1').split('\n')) {
        const location = parseLine(line, pack);
        if (location) catalogue.set(location.name, location);
      }
    }
  }

  /** The lines appended to every .idx since it was last read. */
  #newLines(): IndexLines[] {
    const read: IndexLines[] = [];
    for (const index of listIndexes(this.dir)) {
      const from = this.#indexRead.get(index) ?? 0;
      const bytes = readFrom(index, from);
      if (!bytes) continue;
      // Only whole lines: a line still being written is read by the next refresh.
      const end = bytes.lastIndexOf(0x0a) + 1;
      if (end > 0) read.push({ pack: packOf(index), lines: bytes.subarray(0, end) });
      this.#indexRead.set(index, from + end);
    }
    return read;
  }

  #newWriter(): { pack: string; index: string; size: number } {
    mkdirSync(this.dir, { recursive: true });
    const base = path.join(this.dir, `${Date.now().toString(36)}-${process.pid}-${threadId}-${this.run}-${randomBytes(4).toString('hex')}`);
    return { pack: `${base}${PACK}`, index: `${base}${INDEX}`, size: 0 };
  }

  #ofThisRun(pack: string): boolean {
    return path.basename(pack).split('-')[3] === this.run;
  }
}

/** A run's name in its packs: random, so no other run (a reused process id, another machine) has it. */
export function newRun(): string {
  return randomBytes(6).toString('hex');
}

/** Bytes of entries gathered before a batch is written. */
const BATCH_BYTES = 2 ** 20;

/**
 * How many of the small packs (their sizes in ascending order) to merge, as git's geometric repack
 * picks them: the smallest ones, as many as it takes for each pack left to be at least
 * GEOMETRIC_FACTOR times the next smaller one, and the smallest pack left at least GEOMETRIC_FACTOR
 * times the merged one. A pack is so rewritten only once the smaller ones add up to half its size,
 * not on every merge: a cold check's summaries (a 3 MB pack at 10,000 minutes) were rewritten each
 * time 16 runs had added a pack each, and that check took ~0.45 s longer. Sizes that progress so
 * already are all merged, as before, so that the packs become fewer.
 */
export function smallPacksToMerge(sizes: readonly number[]): number {
  let split = 0;
  for (let i = sizes.length - 1; i > 0; i--) {
    if (sizes[i]! < GEOMETRIC_FACTOR * sizes[i - 1]!) {
      split = i + 1;
      break;
    }
  }
  if (split === 0) return sizes.length;
  let total = sizes.slice(0, split).reduce((sum, size) => sum + size, 0);
  while (split < sizes.length && sizes[split]! < GEOMETRIC_FACTOR * total) total += sizes[split++]!;
  return split;
}

