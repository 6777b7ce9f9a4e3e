/**
 * The search index is cut into shards of consecutive whole years, so that
 *
 * - a rebuild after one minute changed re-indexes only its shard and copies the others from the
 *   previous site (Pagefind cannot update an index; re-indexing 10,000 pages took minutes);
 * - the indexer holds one shard in Pagefind at a time (the bare Pagefind CLI peaked near 3 GiB on
 *   10,000 pages because it keeps every page of the site in memory until it writes);
 * - a first search loads only the newest shard: results are shown newest first, so older shards
 *   are loaded only when the member asks for more results than the newer ones hold.
 *
 * Shards are planned from the oldest year, so adding minutes to the current year changes only the
 * newest shard and the older shards (and their hashes) stay as they were.
 */
export interface ShardablePage {
  /** Site-relative URL of the page, the key Pagefind stores. */
  url: string;
  year: number;
}

export interface PlannedShard<Page extends ShardablePage> {
  id: string;
  from: number;
  to: number;
  pages: Page[];
}

/**
 * Pages per shard by default. Pagefind's index chunks are about 24 KB whatever the shard's size, so
 * smaller shards save little on a first search; what they save is re-indexing after a change and
 * Pagefind's memory (docs/performance.md).
 */
export const DEFAULT_SHARD_PAGES = 500;

/** A shard's years, before its pages are known (early-index.ts plans from a forecast). */
export interface ShardYears {
  id: string;
  from: number;
  to: number;
}

/**
 * Consecutive whole years, oldest first, each shard closed before the year that would take it
 * past `maxPages` (a year larger than that is a shard of its own); returned newest first, the order
 * the browser loads them in.
 */
export function planShards<Page extends ShardablePage>(pages: readonly Page[], maxPages: number = DEFAULT_SHARD_PAGES): PlannedShard<Page>[] {
  const byYear = new Map<number, Page[]>();
  for (const page of pages) {
    const year = byYear.get(page.year);
    if (year) year.push(page);
    else byYear.set(page.year, [page]);
  }
  const counts = new Map([...byYear].map(([year, yearPages]) => [year, yearPages.length]));
  return shardYears(counts, maxPages).map((shard) => ({ ...shard, pages: shardPages(shard, byYear) }));
}

/** The shards of planShards from the number of pages of each year alone. */
export function shardYears(pagesPerYear: ReadonlyMap<number, number>, maxPages: number = DEFAULT_SHARD_PAGES): ShardYears[] {
  const shards: ShardYears[] = [];
  let pages = 0;
  let from = 0;
  let to = 0;
  const close = () => {
    if (pages === 0) return;
    shards.push({ id: from === to ? String(from) : `${from}-${to}`, from, to });
    pages = 0;
  };
  for (const year of [...pagesPerYear.keys()].sort((a, b) => a - b)) {
    const count = pagesPerYear.get(year)!;
    if (count === 0) continue;
    if (pages > 0 && pages + count > maxPages) close();
    if (pages === 0) from = year;
    to = year;
    pages += count;
  }
  close();
  return shards.reverse();
}

/** A shard's pages in the order Pagefind is given them (by URL, whatever order they came in). */
export function shardPages<Page extends ShardablePage>(shard: ShardYears, byYear: ReadonlyMap<number, readonly Page[]>): Page[] {
  const pages: Page[] = [];
  for (let year = shard.from; year <= shard.to; year++) pages.push(...(byYear.get(year) ?? []));
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
