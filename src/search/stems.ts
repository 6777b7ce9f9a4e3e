/**
 * Index side of strategy B: the stems of a page's words, added to what Pagefind indexes so that a
 * stemmed query meets them. Only stems that are not already a prefix of their word are added:
 * Pagefind's prefix matching finds "nocleharn" in "noclehárně" by itself, but not "nadj" in
 * "naděje" (the stemmer rewrote the ending) — those are the stems the block carries. Every
 * occurrence is kept, so term frequency (and ranking) stays as in the text.
 */
import { stemCzech } from '../text/czech-stemmer.ts';
import { fold } from '../text/normalize.ts';
import { STEMS_MARKER } from './config.ts';
import { recordWords, withBodyBlock, type PagefindRecord } from './pagefind-record.ts';

export function indexStems(words: Iterable<string>): string[] {
  const stems: string[] = [];
  for (const raw of words) {
    const stem = addedStemOf(raw);
    if (stem) stems.push(stem);
  }
  return stems;
}

/** The same few thousand words recur on every page: each is stemmed once per process. */
const addedStems = new Map<string, string>();

function addedStemOf(raw: string): string {
  let added = addedStems.get(raw);
  if (added === undefined) {
    const word = fold(raw).replace(/[^\p{L}\p{N}]+/gu, '');
    const stem = word ? stemCzech(word) : '';
    added = stem && !word.startsWith(stem) ? stem : '';
    if (addedStems.size >= MAX_REMEMBERED_WORDS) addedStems.clear();
    addedStems.set(raw, added);
  }
  return added;
}

const MAX_REMEMBERED_WORDS = 200_000;

/**
 * The page's record with its stems block: a second data-pagefind-body element at the end of the
 * page, so the stems come after all real text and after STEMS_MARKER. The block never reaches the
 * published page; it exists only in what the indexer hands to Pagefind.
 */
export function withStemsBlock(record: PagefindRecord): { record: PagefindRecord; stems: number } {
  const stems = indexStems(recordWords(record));
  return { record: withBodyBlock(record, `${STEMS_MARKER} ${stems.join(' ')}`), stems: stems.length };
}
