/** The part of Pagefind's browser API (pagefind.js, 1.x) this site uses. */

export type PagefindFilters = Record<string, string | string[]>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindResultData {
  url: string;
  /** The page's indexed text, unescaped (under strategy B with the stems block at the end). */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  word_count: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Adds another bundle (a shard) to the search; its wasm is the one already loaded. */
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  destroy?(): Promise<void>;
}
