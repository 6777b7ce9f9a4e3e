import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { JsonChunk } from '../model/json-chunks.ts';
import { openDataChunks } from '../model/open-data.ts';
import type { OpenDataSplice } from '../model/open-data-pieces.ts';
import type { ArchiveModel } from '../model/types.ts';

/** /data/archive.json is compact JSON: it is read by programs, and people have `minutes extract`. */
const SITE_FILE_SPACE = 0;

/** Writes /data/archive.json piece by piece (see openDataChunks), copying unchanged meetings and organizations through `splice`. */
export async function writeOpenData(model: ArchiveModel, file: string, splice?: OpenDataSplice): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { encoding: 'utf8' });
  const closed = once(out, 'close');
  await writeChunks(openDataChunks(model, SITE_FILE_SPACE, splice), out, { written: () => splice?.written?.() });
  out.end();
  await closed;
}

/**
 * Writes many small chunks in writes of about a megabyte, waiting whenever the stream asks to.
 * Chunks given as bytes are written as they are, never decoded nor copied: a write gives the
 * stream all its parts at once (one writev for a file), and a chunk that follows the last one in
 * the same memory, with the text between them there too, joins it (the pieces a warm build copies
 * from the previous file, see open-data-splice.ts). `written` is told whenever every chunk given so
 * far has been written.
 */
export async function writeChunks(chunks: Iterable<JsonChunk>, out: Writable, { written }: { written?: () => void } = {}): Promise<void> {
  let text = '';
  let parts: Buffer[] = [];
  let size = 0;
  const takeText = () => {
    if (text) parts.push(Buffer.from(text));
    text = '';
  };
  const join = (chunk: Buffer): boolean => {
    const last = parts.at(-1);
    if (!last || last.buffer !== chunk.buffer) return false;
    const end = last.byteOffset + last.length;
    const gap = chunk.byteOffset - end;
    if (gap !== Buffer.byteLength(text) || (gap && Buffer.from(last.buffer, end, gap).toString() !== text)) return false;
    parts[parts.length - 1] = Buffer.from(last.buffer, last.byteOffset, last.length + gap + chunk.length);
    text = '';
    return true;
  };
  const flush = async () => {
    takeText();
    if (!parts.length) return;
    out.cork();
    let taken = true;
    for (const part of parts) taken = out.write(part);
    out.uncork();
    parts = [];
    size = 0;
    if (!taken) {
      await once(out, 'drain');
      // The stream has written everything it was given (drain comes once its buffer is empty).
      written?.();
    }
  };
  for (const chunk of chunks) {
    if (typeof chunk === 'string') {
      text += chunk;
    } else if (!join(chunk)) {
      takeText();
      parts.push(chunk);
    }
    size += chunk.length;
    if (size >= WRITE_SIZE) await flush();
  }
  await flush();
}

const WRITE_SIZE = 1 << 20;

/** The site's document as one string: for small archives and tests (see openDataChunks for why not always). */
export function openDataJson(model: ArchiveModel): string {
  return [...openDataChunks(model, SITE_FILE_SPACE)].map((chunk) => chunk.toString()).join('');
}
