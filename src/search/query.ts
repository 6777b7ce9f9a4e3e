/**
 * Query side of the search: what is sent to Pagefind for what the member typed. Shared by the
 * browser script, the evaluation and the tests, so it must stay free of Node modules.
 */
import { stemCzech } from '../text/czech-stemmer.ts';
import { fold } from '../text/normalize.ts';
import type { SearchStrategy } from './config.ts';

/**
 * The words of a query as Pagefind sees them: split on white space, folded (lowercase, no
 * diacritics), everything but letters and digits dropped inside a word. "k-centrum" stays one word
 * ("kcentrum"), because Pagefind indexes a hyphenated word joined as well as in parts.
 */
export function queryWords(query: string): string[] {
  return query
    .split(/\s+/u)
    .map((word) => fold(word).replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((word) => word.length > 0);
}

/** Each query word reduced to its stem: "Azylového domu" → "azylov dom". */
export function stemQuery(query: string): string {
  return queryWords(query)
    .map((word) => stemCzech(word) || word)
    .join(' ');
}

/**
 * Each query word cut to the part it shares with its stem (strategy A′): the stemmer may rewrite
 * the end of a stem (naděje → nadj, věznice → veznik), which no page word starts with; the shared
 * part (nad, vezni) is a prefix of every form. At least three letters are kept.
 */
export function prefixQuery(query: string): string {
  return queryWords(query)
    .map((word) => {
      const stem = stemCzech(word);
      let shared = 0;
      while (shared < stem.length && stem[shared] === word[shared]) shared++;
      return word.slice(0, Math.max(shared, Math.min(3, word.length)));
    })
    .join(' ');
}

/**
 * The string passed to pagefind.search() under a strategy. Strategies A and B send the same stems;
 * they differ in what the index holds (see SearchStrategy).
 */
export function pagefindQuery(query: string, strategy: SearchStrategy): string {
  switch (strategy) {
    case 'plain':
      return query.trim().replace(/\s+/gu, ' ');
    case 'query-prefix':
      return prefixQuery(query);
    case 'query-stems':
    case 'index-stems':
      return stemQuery(query);
  }
}

export interface HighlightTerm {
  /** The folded word as typed: "noclehárny" → "noclehárny" folded "nocleharny". */
  word: string;
  /** Its stem: "nocleharn" … compared with the stems of the page's words. */
  stem: string;
}

/**
 * The query words the excerpt marks in the page text. Words of one letter ("k", "a", "v") would
 * mark half a page, so they count only when nothing longer was typed.
 */
export function highlightTerms(query: string): HighlightTerm[] {
  const words = queryWords(query);
  const long = words.filter((w) => w.length > 1);
  return (long.length ? long : words).map((word) => ({ word, stem: stemCzech(word) || word }));
}

/**
 * Whether a word of the page text answers a query word: it starts with the typed word or with its
 * stem (Pagefind's prefix matching), or the two have the same stem (strategy B's stems).
 */
export function wordMatches(pageWord: string, term: HighlightTerm): boolean {
  const folded = fold(pageWord).replace(/[^\p{L}\p{N}]+/gu, '');
  if (!folded) return false;
  if (folded.startsWith(term.word) || folded.startsWith(term.stem)) return true;
  const stem = stemCzech(folded);
  return stem.length > 0 && stem.startsWith(term.stem);
}
