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
 * A year with more pages than a shard may hold is cut into shards of its consecutive whole months
 * instead: Pagefind's work grows with the pages it is given, so a rebuild re-indexes a few months,
 * not a whole busy year; and a shard still never mixes a part of one year with another year, so a
 * year filter loads only shards of that year.
 *
 * Shards are planned from the oldest month, so adding minutes to the current year changes only the
 * newest shards and the older shards (and their hashes) stay as they were.
 */
import { groupBy, pushTo } from '../pipeline/group-by.ts';

export interface ShardablePage {
  /** Site-relative URL of the page, the key Pagefind stores. */
  url: string;
  /** The meeting's year and month as one number: 2021-10 is 202110 (yearMonth). */
  yearMonth: number;
}

export interface PlannedShard<Page extends ShardablePage> extends ShardSpan {
  pages: Page[];
}

/** A shard's months, before its pages are known (early-index.ts plans from a forecast). */
export interface ShardSpan {
  /** "2012", "2010-2011", or within a year cut into months "2012-03" and "2012-01-2012-06". */
  id: string;
  /** First and last year. */
  from: number;
  to: number;
  /** First and last month, as yearMonth keys; whole years span January to December. */
  first: number;
  last: number;
}

/**
 * Pages per shard by default. Pagefind's index chunks are about 24 KB whatever the shard's size, so
 * smaller shards save little on a first search; what they save is re-indexing after a change and
 * Pagefind's memory (docs/performance.md).
 */
export const DEFAULT_SHARD_PAGES = 250;

export function yearMonth(year: number, month: number): number {
  return year * 100 + month;
}

const yearOf = (key: number) => Math.floor(key / 100);
const monthOf = (key: number) => key % 100;

/** 202103 → "2021-03", the form of a date and of a shard's id. */
export function isoMonth(key: number): string {
  return `${yearOf(key)}-${String(monthOf(key)).padStart(2, '0')}`;
}

/**
 * Consecutive whole years, oldest first, each shard closed before the year that would take it
 * past `maxPages`; a year larger than that is cut the same way into consecutive whole months (a
 * month larger than that is a shard of its own). Returned newest first, the order the browser
 * loads them in.
 */
export function planShards<Page extends ShardablePage>(pages: readonly Page[], maxPages: number = DEFAULT_SHARD_PAGES): PlannedShard<Page>[] {
  const byMonth = groupBy(pages, (page) => page.yearMonth);
  const counts = new Map([...byMonth].map(([key, monthPages]) => [key, monthPages.length]));
  return shardSpans(counts, maxPages).map((shard) => ({ ...shard, pages: shardPages(shard, byMonth) }));
}

/** The shards of planShards from the number of pages of each month alone. */
export function shardSpans(pagesPerMonth: ReadonlyMap<number, number>, maxPages: number = DEFAULT_SHARD_PAGES): ShardSpan[] {
  const shards: ShardSpan[] = [];
  let open: { first: number; last: number; pages: number; wholeYears: boolean } | undefined;
  const add = (first: number, last: number, pages: number, wholeYears: boolean) => {
    const joins = open && open.wholeYears === wholeYears && open.pages + pages <= maxPages && (wholeYears || yearOf(open.first) === yearOf(first));
    if (open && joins) {
      open.last = last;
      open.pages += pages;
      return;
    }
    if (open) shards.push(span(open.first, open.last, open.wholeYears));
    open = { first, last, pages, wholeYears };
  };
  for (const [year, months] of monthsByYear(pagesPerMonth)) {
    const pages = months.reduce((sum, [, count]) => sum + count, 0);
    if (pages <= maxPages) add(yearMonth(year, 1), yearMonth(year, 12), pages, true);
    else for (const [key, count] of months) add(key, key, count, false);
  }
  if (open) shards.push(span(open.first, open.last, open.wholeYears));
  return shards.reverse();
}

/** Months that have pages, grouped by year, both oldest first. */
function monthsByYear(pagesPerMonth: ReadonlyMap<number, number>): Map<number, [number, number][]> {
  const years = new Map<number, [number, number][]>();
  for (const key of [...pagesPerMonth.keys()].sort((a, b) => a - b)) {
    const count = pagesPerMonth.get(key)!;
    if (count > 0) pushTo(years, yearOf(key), [key, count]);
  }
  return years;
}

function span(first: number, last: number, wholeYears: boolean): ShardSpan {
  const from = yearOf(first);
  const to = yearOf(last);
  const ends = wholeYears ? [String(from), String(to)] : [isoMonth(first), isoMonth(last)];
  return { id: ends[0] === ends[1] ? ends[0]! : `${ends[0]}-${ends[1]}`, from, to, first, last };
}

/** A shard's pages in the order Pagefind is given them (by URL, whatever order they came in). */
export function shardPages<Page extends ShardablePage>(shard: ShardSpan, byMonth: ReadonlyMap<number, readonly Page[]>): Page[] {
  const pages: Page[] = [];
  for (const [key, monthPages] of byMonth) if (shard.first <= key && key <= shard.last) pages.push(...monthPages);
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
