import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { openDataChunks } from '../model/open-data.ts';
import type { ArchiveModel } from '../model/types.ts';

/** /data/archive.json is compact JSON: it is read by programs, and people have `minutes extract`. */
const SITE_FILE_SPACE = 0;

/** Writes /data/archive.json piece by piece (see openDataChunks). */
export async function writeOpenData(model: ArchiveModel, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { encoding: 'utf8' });
  const closed = once(out, 'close');
  await writeChunks(openDataChunks(model, SITE_FILE_SPACE), out);
  out.end();
  await closed;
}

/** Writes many small chunks in writes of about a megabyte, waiting whenever the stream asks to. */
export async function writeChunks(chunks: Iterable<string>, out: Writable): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < WRITE_SIZE) continue;
    if (!out.write(pending)) await once(out, 'drain');
    pending = '';
  }
  if (pending && !out.write(pending)) await once(out, 'drain');
}

const WRITE_SIZE = 1 << 20;

/** The site's document as one string: for small archives and tests (see openDataChunks for why not always). */
export function openDataJson(model: ArchiveModel): string {
  return [...openDataChunks(model, SITE_FILE_SPACE)].join('');
}
