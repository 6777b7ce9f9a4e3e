/**
 * Search settings shared by the indexer (Node), the evaluation and the browser script. Nothing
 * here may import Node modules: the browser bundle includes this file.
 */

/**
 * How Czech inflection is handled (docs/search.md has the measurements):
 * - `plain`: the words as typed; Pagefind has no Czech stemmer, it only folds diacritics and
 *   matches prefixes.
 * - `query-stems` (strategy A): every query word is stemmed with stemCzech and Pagefind's prefix
 *   matching is relied on to find the inflected forms in the page text.
 * - `query-prefix` (A′, a variant of A for comparison): instead of the stem, the part of the word
 *   the stem shares with it ("naděje" → stem "nadj" → prefix "nad"), so prefix matching cannot
 *   miss a rewritten ending; it matches more than it should instead.
 * - `index-stems` (strategy B): the indexer adds the stems of the page's words to the index (a
 *   block after a marker, see STEMS_MARKER) and the query is stemmed the same way, so a query stem
 *   meets the page's stem even where the stemmer rewrote the ending (naděje → nadj, Jablonci →
 *   jablonk). Excerpts are cut from the real text, never from the stems.
 */
export type SearchStrategy = 'plain' | 'query-stems' | 'query-prefix' | 'index-stems';

export const STRATEGIES: readonly SearchStrategy[] = ['plain', 'query-stems', 'query-prefix', 'index-stems'];

/** The strategy the published site uses: the best one in `npm run search:eval`. */
export const SITE_STRATEGY: SearchStrategy = 'index-stems';

/** Pagefind filter names as written by the meeting page (data-pagefind-filter) and kept in the URL. */
export const FILTERS = {
  group: 'skupina',
  year: 'rok',
  organization: 'organizace',
} as const;

export type FilterName = (typeof FILTERS)[keyof typeof FILTERS];

export const FILTER_NAMES: readonly FilterName[] = [FILTERS.group, FILTERS.year, FILTERS.organization];

/** Pagefind sort key (data-pagefind-sort="datum:YYYY-MM-DD"); results are newest first. */
export const SORT_KEY = 'datum';

/** Metadata of a meeting page: title (the h1) and the Czech date label. */
export const META_DATE = 'datum';

/**
 * Starts the stems block in the indexed text of strategy B. Punctuation only, so it is no search
 * word itself; the browser cuts the page text at it before building an excerpt.
 */
export const STEMS_MARKER = '§§§';

/** Where the Pagefind bundle and the search script go inside the built site. */
export const BUNDLE_DIR = 'pagefind';

/** The list of shards (search/shards.ts) in the bundle folder: what the browser reads first. */
export const MANIFEST_FILE = 'shards.json';

/**
 * What a build needs of the shards it published, beside the manifest: their sizes and hashes. The
 * browser never reads it, so a first search does not fetch 80 bits of hash per shard (at 50,000
 * minutes, 312 shards: ~4.5 kB of the manifest's ~9.4 kB as sent).
 */
export const SHARD_RECORD_FILE = 'shards-built.json';

/**
 * An internal filter every indexed page carries: its shard, so the browser can ask the merged
 * shards for one shard's results at a time (Pagefind orders merged results by scores that are
 * comparable within one shard only).
 */
export const SHARD_FILTER = 'oddil';

/** A shard as the browser knows it. Its id names its folder and is its value of SHARD_FILTER. */
export interface SearchManifestShard {
  id: string;
  /** First and last month ("2012-01", "2012-06"); a shard of whole years runs from January to December. */
  first: string;
  last: string;
}

export interface SearchManifest {
  version: 2;
  strategy: SearchStrategy;
  /** Newest first. */
  shards: SearchManifestShard[];
  /** Every value of every filter, over all shards (the search form lists them before any shard is loaded). */
  filters: Record<string, string[]>;
}

/** Folder of a shard's Pagefind bundle, relative to the bundle folder ("2016-2025/"). */
export function shardFolder(shard: Pick<SearchManifestShard, 'id'>): string {
  return `${shard.id}/`;
}

/** First and last year of a shard. */
export function shardYears(shard: Pick<SearchManifestShard, 'first' | 'last'>): { from: number; to: number } {
  return { from: Number(shard.first.slice(0, 4)), to: Number(shard.last.slice(0, 4)) };
}

export interface ShardRecordEntry {
  id: string;
  pages: number;
  /** Hash of everything the shard was indexed from: equal hash, equal bundle. */
  hash: string;
}

export interface ShardRecord {
  version: 1;
  /** In the manifest's order. */
  shards: ShardRecordEntry[];
}

export const CLIENT_SCRIPT = 'assets/search.js';

/** The query parameter of /hledat/ (shareable links: /hledat/?q=noclehárna&rok=2021). */
export const QUERY_PARAM = 'q';

/**
 * Results shown first. Each costs its fragment (the page's text, ~2.5 kB as sent) before anything
 * shows, so the first answer is as long as a phone's screen and Pagefind's own UI (5), not more.
 */
export const FIRST_PAGE_SIZE = 5;
/** Results that "Zobrazit další" adds: once the member asks for more, larger batches. */
export const PAGE_SIZE = 10;
