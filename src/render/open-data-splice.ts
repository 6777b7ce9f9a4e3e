/**
 * Where each meeting, organization and person stands in the published /data/archive.json, so the next
 * build copies those that did not change instead of reading their texts from the cache and writing
 * them again (model/open-data-pieces.ts). At 10,000 minutes that is 10,000 cache files and ~150 MB
 * of JSON less in a build after one changed minute, and most of the organizations' 50 MB and the people's 10 MB.
 *
 * The record lives in the cache folder next to the render manifest and names the size and mtime
 * the published file had when it was written; a file that is not that one (edited by hand, written
 * by another tool) or a record that cannot be read copies nothing. A copied piece must still
 * start with its own id and end its object, or it is made again.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { noPieces, pieceKind, type OpenDataSplice, type PieceKind } from '../model/open-data-pieces.ts';
import { writeOutputRecord } from './incremental.ts';

/** Raised whenever the site file's form changes (its spacing, what a piece id covers). */
const RECORD_FORMAT = 1;

interface SpliceRecord {
  format: number;
  /** The published file the places refer to. */
  size: number;
  mtimeMs: number;
  /** Piece id, offset and length in bytes. */
  pieces: [string, number, number][];
}

export interface OpenDataPlaces extends OpenDataSplice {
  /** Pieces copied from the previous file in this build, by kind. */
  readonly copied: Record<PieceKind, number>;
  /** Records the places for the next build, once `published` (the site's file) is in place. */
  save(published: string): Promise<void>;
  /** As OpenDataSplice's: the blocks of the previous file that were copied from may be read into again. */
  written(): void;
  /** Lets go of the previous file. */
  close(): void;
}

/** The places of the previous site file `previousFile` as `recordFile` keeps them, and those of this build. */
export async function openDataPlaces(recordFile: string, previousFile: string): Promise<OpenDataPlaces> {
  const previous = await readPrevious(recordFile, previousFile);
  const places: SpliceRecord['pieces'] = [];
  const copied = noPieces();
  return {
    copied,
    previous(piece: string, value: { id: string }): Buffer | undefined {
      const place = previous?.places.get(piece);
      if (!place) return undefined;
      let bytes: Buffer | undefined;
      try {
        bytes = previous!.file.read(place[0], place[1]);
      } catch {
        return undefined; // The file went away meanwhile: written afresh.
      }
      if (!bytes || !isObjectOf(bytes, value.id)) return undefined;
      copied[pieceKind(piece)]++;
      return bytes;
    },
    record(piece: string, offset: number, length: number): void {
      places.push([piece, offset, length]);
    },
    written(): void {
      previous?.file.reuseBlocks();
    },
    async save(published: string): Promise<void> {
      const { size, mtimeMs } = await stat(published);
      const record: SpliceRecord = { format: RECORD_FORMAT, size, mtimeMs, pieces: places };
      await writeOutputRecord(recordFile, record);
    },
    close(): void {
      if (previous) closeSync(previous.file.fd);
    },
  };
}

async function readPrevious(recordFile: string, previousFile: string): Promise<{ file: BlockReader; places: Map<string, [number, number]> } | undefined> {
  let record: Partial<SpliceRecord>;
  try {
    record = JSON.parse(await readFile(recordFile, 'utf8')) as Partial<SpliceRecord>;
  } catch {
    return undefined; // None yet, or damaged: this build copies nothing and writes a new one.
  }
  if (record.format !== RECORD_FORMAT || !Array.isArray(record.pieces) || typeof record.size !== 'number') return undefined;
  const size = record.size;
  const inFile = (entry: unknown): entry is SpliceRecord['pieces'][number] =>
    Array.isArray(entry) &&
    typeof entry[0] === 'string' &&
    Number.isSafeInteger(entry[1]) &&
    Number.isSafeInteger(entry[2]) &&
    entry[1] >= 0 &&
    entry[2] > 0 &&
    entry[1] + entry[2] <= size;
  if (!record.pieces.every(inFile)) return undefined;
  let fd: number;
  try {
    fd = openSync(previousFile, 'r');
  } catch {
    return undefined;
  }
  const info = fstatSync(fd);
  if (info.size !== size || info.mtimeMs !== record.mtimeMs) {
    closeSync(fd);
    return undefined;
  }
  return { file: new BlockReader(fd), places: new Map(record.pieces.map(([piece, offset, length]) => [piece, [offset, length]])) };
}

/**
 * The previous file is read a block at a time, and each piece copied is a view of its block:
 * pieces are asked for in the order they stand in the file, mostly, and a build after one changed
 * minute copied ~20,000 pieces (~190 MB at 10,000 minutes) with a read and a buffer each, ~0.2 s.
 * writeChunks then writes the views that follow one another in a block as one. Blocks whose views
 * are all written are read into again: fresh memory for every block cost as much again in page
 * faults as the reads themselves.
 */
const READ_BLOCK = 256 << 10;

class BlockReader {
  #block: { start: number; bytes: Buffer; memory: Buffer } | undefined;
  /** Blocks read before the current one, whose views may not be written yet. */
  #given: Buffer[] = [];
  /** Blocks whose views are all written. */
  #free: Buffer[] = [];

  constructor(readonly fd: number) {}

  /** The `length` bytes at `offset`, or undefined where the file ends sooner. */
  read(offset: number, length: number): Buffer | undefined {
    let block = this.#block;
    if (!block || offset < block.start || offset + length > block.start + block.bytes.length) {
      if (block) this.#given.push(block.memory);
      // Not from the shared pool: no other buffer may share a block's memory.
      const memory = (length <= READ_BLOCK ? this.#free.pop() : undefined) ?? Buffer.allocUnsafeSlow(Math.max(READ_BLOCK, length));
      block = this.#block = { start: offset, bytes: memory.subarray(0, readSync(this.fd, memory, 0, memory.length, offset)), memory };
    }
    const start = offset - block.start;
    return start + length <= block.bytes.length ? block.bytes.subarray(start, start + length) : undefined;
  }

  /** Every view given so far is written: the blocks before the current one may be read into again. */
  reuseBlocks(): void {
    for (const memory of this.#given) if (memory.length === READ_BLOCK) this.#free.push(memory);
    this.#given = [];
  }
}

/** Whether `bytes` are the object with that id: a guard against a record out of step with its file. */
function isObjectOf(bytes: Buffer, id: string): boolean {
  const start = `{"id":${JSON.stringify(id)},`;
  return bytes.toString('utf8', 0, Buffer.byteLength(start)) === start && bytes[bytes.length - 1] === 0x7d;
}
