/**
 * The site's pages as the search index knows them: which are meeting pages (data-pagefind-body),
 * their month, hash and filter values, and their address.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { statSignature, trustedStat, unchangedByStat, type Remembered, type StatFields, type StatIndex } from '../pipeline/stat-index.ts';
import { SORT_KEY } from './config.ts';
import type { EarlyIndex } from './early-index.ts';
import { decodeEntities } from './html-entities.ts';
import { SearchIndexError } from './search-index-error.ts';
import { yearMonth } from './shards.ts';

export interface SearchablePage {
  file: string;
  url: string;
  yearMonth: number;
  hash: string;
}

/** What a page gave the indexer: nothing when it is not searchable. */
export interface KnownPage extends Remembered {
  page?: { yearMonth: number; hash: string; filters: string[] };
}

/**
 * The meeting pages (those with data-pagefind-body): their month, their hash and every filter
 * value. Each page is read once, or not at all when `remembered` vouches for it by its stat.
 */
export async function searchablePages(
  root: string,
  files: readonly string[],
  remembered: StatIndex<KnownPage> | undefined,
  early: EarlyIndex | undefined,
  linkedStats: ReadonlyMap<string, StatFields> | undefined,
): Promise<{ pages: SearchablePage[]; filters: Record<string, string[]> }> {
  const startedAt = Date.now();
  const known = remembered?.read() ?? new Map<string, KnownPage>();
  const next = new Map<string, KnownPage>();
  const pages: SearchablePage[] = [];
  const filters = new Map<string, Set<string>>();
  for (const file of files) {
    const stats = linkedStats?.get(file) ?? statSync(path.join(root, file));
    const signature = statSignature(stats);
    let entry = known.get(file);
    if (!entry || !unchangedByStat(entry, signature)) {
      const page = early?.readPageOf(file) ?? { page: readPage(file, readFileSync(path.join(root, file))) };
      entry = { stat: trustedStat(stats, startedAt, signature), ...page };
    }
    next.set(file, entry);
    if (!entry.page) continue;
    for (const value of entry.page.filters) {
      const colon = value.indexOf(':');
      const name = value.slice(0, colon);
      if (!filters.has(name)) filters.set(name, new Set());
      filters.get(name)!.add(value.slice(colon + 1));
    }
    pages.push({ file, url: pageUrl(file), yearMonth: entry.page.yearMonth, hash: entry.page.hash });
  }
  await remembered?.save(next, (a, b) => a.stat === b.stat && a.page?.hash === b.page?.hash);
  const sortedFilters = Object.fromEntries([...filters].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, values]) => [name, [...values].sort()]));
  return { pages, filters: sortedFilters };
}

export function readPage(file: string, bytes: Buffer): KnownPage['page'] {
  // Latin-1 takes each byte for a character, without decoding: the attributes looked for are
  // ASCII, and a filter value is decoded from its own bytes (into a string of its own, not a
  // slice that would keep the page alive).
  const html = bytes.toString('latin1');
  if (!/\sdata-pagefind-body[\s=>]/.test(html)) return undefined;
  const date = new RegExp(`data-pagefind-sort="${SORT_KEY}:(\\d{4})-(\\d{2})`).exec(html);
  if (!date) throw new SearchIndexError('Stránka zápisu nemá datum pro řazení výsledků.', [file]);
  const filters = [...html.matchAll(/data-pagefind-filter="([^"]*)"/g)]
    .map((match) => decodeEntities(Buffer.from(match[1]!, 'latin1').toString('utf8')))
    .filter((value) => value.indexOf(':') > 0);
  return { yearMonth: yearMonth(Number(date[1]), Number(date[2])), hash: createHash('sha256').update(bytes).digest('hex'), filters };
}

/** "zapisy/2021-10-25-cizinci/index.html" → "/zapisy/2021-10-25-cizinci/" (site-relative; the browser adds the base path). */
export function pageUrl(file: string): string {
  const posix = file.split(path.sep).join('/');
  const url = `/${posix}`.replace(/(^|\/)index\.html$/, '$1');
  return url.split('/').map((part) => (part ? encodeURIComponent(decodeURIComponentSafe(part)) : part)).join('/');
}

function decodeURIComponentSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
