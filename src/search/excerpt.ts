/**
 * Excerpts of search results, built in the browser from the page text Pagefind returns.
 *
 * Pagefind's own excerpt cannot be used: under strategy B the best-matching words may be the
 * stems after STEMS_MARKER ("nadj exekuk"), which a member must never see, and its highlighting
 * marks only what the index matched, not the Czech word forms. So the text is cut at the marker
 * and the excerpt is the window of real words that answers most of the query, with those words in
 * <mark>. Shared with the tests; free of Node modules.
 */
import { STEMS_MARKER } from './config.ts';
import { highlightTerms, wordMatches } from './query.ts';

/** The real text of a Pagefind result's content: everything before the stems block. */
export function realText(content: string): string {
  const at = content.indexOf(STEMS_MARKER);
  return (at >= 0 ? content.slice(0, at) : content).trim();
}

export interface Excerpt {
  /** Escaped text with <mark> around the words that answer the query; safe as innerHTML. */
  html: string;
  /** Plain text of the same excerpt. */
  text: string;
  /** How many words of the excerpt are marked. */
  marked: number;
}

/** Words shown before the first match, so the sentence is recognisable. */
const LEAD = 4;

export function buildExcerpt(content: string, query: string, length = 30): Excerpt {
  const words = realText(content).split(/\s+/u).filter(Boolean);
  const terms = highlightTerms(query);
  const hits = words.map((word) => terms.findIndex((term) => wordMatches(word, term)));

  let start = 0;
  let best = -1;
  for (let i = 0; i < words.length; i++) {
    if (hits[i]! < 0) continue;
    const from = Math.max(0, i - LEAD);
    const inWindow = hits.slice(from, from + length).filter((h) => h >= 0);
    // Prefer windows with more different query words, then more matches; the earliest wins ties.
    const score = new Set(inWindow).size * 1000 + inWindow.length;
    if (score > best) {
      best = score;
      start = from;
    }
  }
  const end = Math.min(words.length, start + length);
  const html: string[] = [];
  const text: string[] = [];
  let marked = 0;
  for (let i = start; i < end; i++) {
    const word = words[i]!;
    text.push(word);
    if (hits[i]! >= 0) {
      marked++;
      html.push(`<mark>${escapeHtml(word)}</mark>`);
    } else {
      html.push(escapeHtml(word));
    }
  }
  const before = start > 0 ? '… ' : '';
  const after = end < words.length ? ' …' : '';
  return { html: `${before}${html.join(' ')}${after}`, text: `${before}${text.join(' ')}${after}`, marked };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
