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
import { indexedText } from './html-text.ts';

export function indexStems(text: string): string[] {
  const stems: string[] = [];
  for (const raw of text.split(/\s+/u)) {
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
 * The page with its stems block: a second data-pagefind-body element at the end of <body>, so the
 * stems come after all real text and after STEMS_MARKER. The block never reaches the published
 * page; it exists only in what the indexer hands to Pagefind. Pages without data-pagefind-body
 * are not indexed at all and come back unchanged.
 */
export function withStemsBlock(html: string): { html: string; stems: number } {
  const text = indexedText(html);
  if (!text) return { html, stems: 0 };
  const stems = indexStems(text);
  const block = `<div data-pagefind-body hidden>${STEMS_MARKER} ${stems.map(escapeHtml).join(' ')}</div>`;
  const end = html.lastIndexOf('</body>');
  const withBlock = end >= 0 ? `${html.slice(0, end)}${block}\n${html.slice(end)}` : `${html}${block}`;
  return { html: withBlock, stems: stems.length };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
