/**
 * Search over the index shards (search/shards.ts) as the member pages through the results: the
 * newest shard is searched first and an older one is loaded (Pagefind's mergeIndex) only when the
 * results found so far do not fill the page asked for. Shards hold disjoint runs of months, so the
 * results of newer shards all come before those of older ones; within a shard Pagefind sorts them
 * by date. Each shard is asked for separately (its filter SHARD_FILTER), because Pagefind orders
 * the results of merged indexes by scores that are comparable within one index only.
 */
import { FILTERS, SHARD_FILTER, SORT_KEY, shardFolder, shardYears, type SearchManifest, type SearchManifestShard } from '../config.ts';
import type { MonthSpan } from './messages.ts';
import type { PagefindApi, PagefindFilters, PagefindResult } from './pagefind-api.ts';

export interface ShardedQuery {
  /** The Pagefind term (stemmed), or null for filters alone. */
  term: string | null;
  filters: PagefindFilters;
}

export class ShardedSearch {
  private readonly merged = new Set<string>();

  constructor(
    /** Undefined when the site has no indexed page (and so no shard). */
    private readonly pagefind: PagefindApi | undefined,
    private readonly manifest: SearchManifest,
    /** URL of the bundle folder ("/zapisy/pagefind/"). */
    private readonly bundleUrl: string,
    private readonly baseUrl: string,
  ) {
    if (manifest.shards[0]) this.merged.add(manifest.shards[0].id);
  }

  /** A fresh walk over the shards for one query. */
  start(query: ShardedQuery): ShardedResults {
    return new ShardedResults(this, query, this.shardsFor(query.filters));
  }

  /** The shards that can hold results: with a year filter, only those covering the year. */
  private shardsFor(filters: PagefindFilters): SearchManifestShard[] {
    const years = [filters[FILTERS.year] ?? []].flat().map(Number).filter(Number.isFinite);
    if (years.length === 0) return this.manifest.shards;
    return this.manifest.shards.filter((s) => {
      const { from, to } = shardYears(s);
      return years.some((y) => from <= y && y <= to);
    });
  }

  /** @internal Results of one shard, newest first; loads the shard on first use. */
  async searchShard(shard: SearchManifestShard, query: ShardedQuery): Promise<PagefindResult[]> {
    if (!this.pagefind) return [];
    if (!this.merged.has(shard.id)) {
      await this.pagefind.mergeIndex(`${this.bundleUrl}${shardFolder(shard)}`, { baseUrl: this.baseUrl });
      this.merged.add(shard.id);
    }
    const response = await this.pagefind.search(query.term, {
      filters: { ...query.filters, [SHARD_FILTER]: shard.id },
      sort: { [SORT_KEY]: 'desc' },
    });
    return response?.results ?? [];
  }
}

export class ShardedResults {
  readonly results: PagefindResult[] = [];
  private searched = 0;

  constructor(
    private readonly search: ShardedSearch,
    private readonly query: ShardedQuery,
    private readonly shards: readonly SearchManifestShard[],
  ) {}

  /** Searches further shards until at least `count` results are known or every shard is searched. */
  async fill(count: number): Promise<void> {
    while (this.results.length < count && this.searched < this.shards.length) {
      this.results.push(...(await this.search.searchShard(this.shards[this.searched]!, this.query)));
      this.searched++;
    }
  }

  /** Every shard that could hold results has been searched: the count is final. */
  get complete(): boolean {
    return this.searched >= this.shards.length;
  }

  /** Months of the shards not searched yet, e.g. { first: "2000-01", last: "2015-12" }. */
  get unsearched(): MonthSpan | undefined {
    const rest = this.shards.slice(this.searched);
    if (rest.length === 0) return undefined;
    // Shards are newest first.
    return { first: rest.at(-1)!.first, last: rest[0]!.last };
  }
}
