/**
 * The reference for src/search/pagefind-record.ts: a page as HTML, prepared the way the indexer
 * prepared it before it handed Pagefind records, so that Pagefind's own parser reads it. Both must
 * give the same bundle byte for byte.
 */
import { SHARD_FILTER, STEMS_MARKER, type SearchStrategy } from '../../src/search/config.ts';
import { escapeHtml } from '../../src/search/excerpt.ts';
import { pagefindRecord, recordWords } from '../../src/search/pagefind-record.ts';
import { indexStems } from '../../src/search/stems.ts';

export function pagefindHtml(html: string, strategy: SearchStrategy, shard: string): string {
  const separated = withoutIds(separateWords(html));
  // The same stems the record carries, as the hidden block the HTML once carried.
  const record = pagefindRecord(html);
  const stems = strategy === 'index-stems' && record ? `<div data-pagefind-body hidden>${STEMS_MARKER} ${escapeHtml(indexStems(recordWords(record)).join(' '))}</div>\n` : '';
  const shardBlock = `<div data-pagefind-body hidden><span data-pagefind-filter="${SHARD_FILTER}:${shard}"></span></div>\n`;
  const end = separated.lastIndexOf('</body>');
  return end >= 0 ? `${separated.slice(0, end)}${stems}${shardBlock}${separated.slice(end)}` : `${separated}${stems}${shardBlock}`;
}

/** Pagefind would keep every element id inside the body as an anchor. */
function withoutIds(html: string): string {
  return html.replace(/(<[a-zA-Z][^<>]*?)\sid="[^"]*"/g, '$1');
}

/** Pagefind would run the text of adjacent cells and spans together ("Datumpondělí"). */
function separateWords(html: string): string {
  return html.replace(/<\/(dt|dd|th|td|caption)>(?=<)/gi, '</$1> ').replace(/<\/span>(?=<span[\s>])/gi, '</span> ');
}
