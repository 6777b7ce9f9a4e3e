/**
 * Text as Pagefind (written in Rust) normalises it: its white space is Unicode's White_Space, not
 * JavaScript's `\s`, and filter and metadata values keep a single tab or no-break space. Found by
 * comparing records with what Pagefind 1.6 makes of the same HTML (test/search/pagefind-record.test.ts).
 */
import { decodeEntities } from './html-entities.ts';

/** Unicode White_Space, what Rust's `\s`, `trim` and `split_whitespace` mean (JS's `\s` differs in two characters). */
const WHITE_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const IS_WHITE_SPACE = new RegExp(`^[${WHITE_SPACE}]$`);
const LINE_BREAKS = /(?:\r?\n)+/g;
const SPACE_RUN = new RegExp(`[${WHITE_SPACE}]{2,}`, 'g');
const ANY_SPACE_RUN = new RegExp(`[${WHITE_SPACE}]+`, 'g');
/** JS's `\s` has U+FEFF, which Rust's white space has not, and lacks U+0085, which it has. */
const NOT_JS_SPACE = /[\u0085\ufeff]/;

/**
 * A filter, sort or metadata value as Pagefind normalises it: entities decoded, trimmed, line breaks
 * and runs of white space made one space, while a single tab or no-break space stays.
 */
export function normalized(text: string): string {
  return trimmed(decodeEntities(text)).replace(LINE_BREAKS, ' ').replace(SPACE_RUN, ' ');
}

/** The digest as Pagefind reads a custom record: entities decoded (Pagefind decodes its own digest), split at white space. */
export function digestText(text: string): string {
  return collapsed(decodeEntities(text));
}

export function collapsed(text: string): string {
  // JS's \s where it means the same (V8's fast path), the exact class only where the two differ;
  // a single space, most of the matches of \s+, needs no replacing.
  return trimmed(NOT_JS_SPACE.test(text) ? text.replace(ANY_SPACE_RUN, ' ') : text.replace(IRREGULAR_JS_SPACE, ' '));
}

const IRREGULAR_JS_SPACE = /\s{2,}|[^\S ]/g;

/** Rust's `trim`: white space off both ends. */
function trimmed(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && IS_WHITE_SPACE.test(text[start]!)) start++;
  while (end > start && IS_WHITE_SPACE.test(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
