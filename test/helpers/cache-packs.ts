/** The analysis cache's entries as tests see and damage them: in its packs (src/pipeline/pack-store.ts). */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Location } from '../../src/pipeline/pack-files.ts';
import { PackStore } from '../../src/pipeline/pack-store.ts';

/** Every entry of the cache by name (`<key>.<part>`), where it stands. */
export function cacheEntries(cacheDir: string): Map<string, Location> {
  return new Map(new PackStore(packsOf(cacheDir)).entries());
}

/** The entry's bytes (seal and content) as they stand in its pack. */
export function entryBytes({ pack, offset, length }: Location): Buffer {
  const bytes = Buffer.alloc(length);
  const fd = openSync(pack, 'r');
  readSync(fd, bytes, 0, length, offset);
  closeSync(fd);
  return bytes;
}

/** Whether the entry's content matches its seal. */
export function entryVerifies(location: Location): boolean {
  const bytes = entryBytes(location);
  return createHash('sha1').update(bytes.subarray(41)).digest('hex') === bytes.toString('latin1', 0, 40);
}

/** Changes one byte of the entry's content, in place: only its seal can tell. */
export function damageEntry(location: Location, at = location.length - 5): void {
  const bytes = entryBytes(location);
  const fd = openSync(location.pack, 'r+');
  writeSync(fd, Buffer.from([bytes[at] === 0x58 ? 0x59 : 0x58]), 0, 1, location.offset + at);
  closeSync(fd);
}

/** Puts `content` (as long as the entry's) in place of the entry's content, under its seal. */
export function overwriteEntry(location: Location, content: Buffer): void {
  const fd = openSync(location.pack, 'r+');
  writeSync(fd, content, 0, Math.min(content.length, location.length - 41), location.offset + 41);
  closeSync(fd);
}

/** Removes the index lines of the entries whose names `drop` picks: the entries are gone for a reader. */
export function dropEntries(cacheDir: string, drop: (name: string) => boolean): void {
  const packs = packsOf(cacheDir);
  for (const index of readdirSync(packs).filter((name) => name.endsWith('.idx'))) {
    const file = path.join(packs, index);
    const lines = readFileSync(file, 'latin1').split('\n');
    writeFileSync(file, lines.filter((line) => !line || !drop(line.split(' ')[0]!)).join('\n'), 'latin1');
  }
}

function packsOf(cacheDir: string): string {
  return path.join(cacheDir, 'packs');
}
