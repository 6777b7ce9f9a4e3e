/**
 * Eleventy makes each page's folder right before it writes the page, with mkdirSync in the main
 * thread: in a cold build of 10,000 minutes that was 2.7 s of the render phase, kernel time of
 * ext4. The folders of the pages about to be rendered are made beforehand in libuv's thread pool,
 * while the main thread renders; Eleventy finds them there and makes none.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { mapConcurrently } from '../pipeline/map-concurrently.ts';
import type { PublishedPages } from './incremental.ts';

/** libuv's default thread pool. */
const AT_ONCE = 4;

/** Makes the folders of the pages `published` does not reuse; never fails (Eleventy makes what is missing, and reports what it cannot). */
export async function makePageFolders(dir: string, published: PublishedPages): Promise<void> {
  const reused = new Set(published.reused);
  const folders = new Set<string>();
  for (const page of published.hashes.keys()) if (!reused.has(page)) folders.add(path.dirname(path.join(dir, page)));
  await mapConcurrently([...folders], AT_ONCE, (folder) => mkdir(folder, { recursive: true }).catch(() => undefined));
}
