/**
 * One shard of the search index through Pagefind: each page given as the record Pagefind would read
 * from its HTML, and the hash that tells whether a shard built before can be kept.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dependenciesHash } from '../pipeline/cache.ts';
import { codeHash } from '../pipeline/code-hash.ts';
import { trimBundle } from './browser-files.ts';
import { SHARD_FILTER, type SearchStrategy } from './config.ts';
import type { PagefindApi } from './pagefind-services.ts';
import { pagefindRecord, type PagefindRecord } from './pagefind-record.ts';
import { SearchIndexError } from './search-index-error.ts';
import type { SearchablePage } from './searchable-pages.ts';
import type { PlannedShard } from './shards.ts';
import { withStemsBlock } from './stems.ts';

/**
 * Pages sent to Pagefind ahead of its answers when nothing waits for the feed to end. Each page in
 * flight is ~80 KB of base64 in this process and in Pagefind's until it is taken: with two shards
 * of ~400 pages sent whole, the cold build at 10,000 minutes peaked 130 MiB higher.
 */
export const PAGES_AHEAD = 16;

/**
 * One shard through Pagefind into `dir`; the index is deleted afterwards so its memory is freed
 * before the next. Pages are sent up to `feed.ahead` before Pagefind has taken them (its service
 * takes requests one by one, in the order sent: the index is the same), so this thread reads and
 * prepares the next pages while Pagefind indexes; `feed.fed` is called when all are sent.
 */
export async function indexShard(
  pagefind: PagefindApi,
  root: string,
  shard: PlannedShard<SearchablePage>,
  dir: string,
  strategy: SearchStrategy,
  language: string,
  feed: { ahead: number; fed: () => void },
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new SearchIndexError('Vyhledávací index se nepodařilo založit (Pagefind).', errors);
  const added: Promise<string[]>[] = [];
  let writing: ReturnType<typeof index.writeFiles> | undefined;
  try {
    let stems = 0;
    for (const [i, page] of shard.pages.entries()) {
      if (i >= feed.ahead) await added[i - feed.ahead];
      // Synchronous: for a page just written (in the page cache) fs.promises.readFile cost five times
      // the CPU of readFileSync (0.3 against 0.06 ms per page; 10,000 pages: ~2.3 s of this thread).
      const prepared = preparedPage(root, page, strategy, shard.id);
      stems += prepared.stems;
      added.push(index.addCustomRecord({ url: page.url, language, ...prepared.record }).then((response) => response.errors.map((e) => `${page.file}: ${e}`)));
    }
    writing = index.writeFiles({ outputPath: dir });
    feed.fed();
    const problems = (await Promise.all(added)).flat();
    const written = await writing;
    if (problems.length) throw new SearchIndexError('Některé stránky se nepodařilo zařadit do vyhledávání.', problems);
    if (written.errors.length) throw new SearchIndexError('Vyhledávací index se nepodařilo zapsat.', written.errors);
    await trimBundle(dir);
    return stems;
  } finally {
    // Every request sent must be answered before the index goes, or its answer would find no index.
    await Promise.allSettled([...added, writing]);
    await index.deleteIndex();
  }
}

function preparedPage(root: string, page: SearchablePage, strategy: SearchStrategy, shard: string): { record: PagefindRecord; stems: number } {
  try {
    return pagefindInput(readFileSync(path.join(root, page.file), 'utf8'), strategy, shard);
  } catch (error) {
    throw new SearchIndexError('Stránku se nepodařilo připravit pro vyhledávání.', [`${page.file}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/**
 * What Pagefind is given for a page: its record as Pagefind would read the HTML (pagefind-record.ts),
 * the stems block (strategy B) and the shard filter. Pagefind then parses no HTML.
 */
export function pagefindInput(html: string, strategy: SearchStrategy, shard: string): { record: PagefindRecord; stems: number } {
  const read = pagefindRecord(html);
  if (!read) throw new Error('stránka nemá část data-pagefind-body');
  const record = { ...read, filters: { ...read.filters, [SHARD_FILTER]: [shard] } };
  return strategy === 'index-stems' ? withStemsBlock(record) : { record, stems: 0 };
}

/**
 * Everything a shard's bundle is made from: its pages, how they are prepared, and the indexer.
 * 80 bits tell builds apart as well as 256 and keep the shard record small.
 */
export function shardHash(shard: PlannedShard<SearchablePage>, strategy: SearchStrategy, language: string): string {
  const hash = createHash('sha256');
  hash.update(`search-shard-v1\0${searchCodeVersion()}\0${strategy}\0${language}\0${shard.id}\0`);
  for (const page of shard.pages) hash.update(`${page.url}\0${page.hash}\0`);
  return hash.digest('hex').slice(0, 20);
}

/** The code that turns a page into Pagefind input: any change there re-indexes every shard. */
const SEARCH_CODE_DIRS = ['search', 'text'];

export function searchCodeVersion(): string {
  return `${dependenciesHash()}\0${codeHash(SEARCH_CODE_DIRS)}`;
}
