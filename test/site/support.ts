/** Shared helpers of the site tests: walking a built site and reading its links. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from '../../src/render/link-files.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under a folder, relative with "/", sorted: the walk the build itself uses. */
export const listFiles = filesUnder;

/** file → sha256 of every file under dir: two equal snapshots mean byte-identical trees. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    result[file] = createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex');
  }
  return result;
}

/** Every href and src attribute value of an HTML document (the generator always quotes with "). */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

export function isExternal(link: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link);
}

/** The file a site URL path (base path already removed) is served from. */
export function fileForPath(sitePath: string): string {
  const clean = decodeURIComponent(sitePath.split(/[?#]/)[0]!).replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}
