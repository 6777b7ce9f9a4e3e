/** A word of a text with where it stands, so matches can be mapped back to source positions. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * The words of a text, or its first `limit` words (from offset `from`, a word's start or a place
 * between words): letters and digits, with inner dots, hyphens and apostrophes kept ("D.R.A.K.",
 * "k-centra", "R-R"), as /[\p{L}\p{N}]+(?:[.\-'’][\p{L}\p{N}]+)*\.?/u reads them. A scan rather than
 * that regex: the name matcher splits every text of every minute, and matchAll with its match
 * objects was ~7 % of the analysis (test/extract/words.test.ts holds the scan to the regex).
 */
export function words(text: string, limit = Infinity, from = 0): Word[] {
  const found: Word[] = [];
  const scan = new WordScan(text, from);
  while (found.length < limit && scan.next()) found.push({ text: text.slice(scan.start, scan.end), start: scan.start, end: scan.end });
  return found;
}

/**
 * The words of a text one by one, as `words` reads them, without an object or a string for each:
 * a caller that looks at most words only briefly (the name matcher) makes none.
 */
export class WordScan {
  /** The current word's offsets, after next() said there is one. */
  start = 0;
  end = 0;

  /** `from`: where to start looking, the start of a word or a place between words. */
  constructor(
    readonly text: string,
    from = 0,
  ) {
    this.end = from;
  }

  /** Moves to the next word; false when there is none. */
  next(): boolean {
    const text = this.text;
    let at = this.end;
    while (at < text.length && !isWordCharAt(text, at)) at++;
    if (at >= text.length) return false;
    const start = at;
    at = afterWordChars(text, at);
    while (JOINERS.has(text.charCodeAt(at)) && at + 1 < text.length && isWordCharAt(text, at + 1)) at = afterWordChars(text, at + 1);
    // A trailing dot belongs to the word only in abbreviations with inner dots ("D.R.A.K.").
    this.end = text.charCodeAt(at) === DOT && text.lastIndexOf('.', at - 1) >= start ? at + 1 : at;
    this.start = start;
    return true;
  }
}

const DOT = 0x2e;
/** `.`, `-`, `'` and `’` between two runs of letters keep them one word. */
const JOINERS = new Set([DOT, 0x2d, 0x27, 0x2019]);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const TABLE_SIZE = 0x250;
/** Latin, as far as Czech and its neighbours go, classified once: the scan's usual case. */
const WORD_CHAR: readonly boolean[] = Array.from({ length: TABLE_SIZE }, (_, code) => LETTER_OR_DIGIT.test(String.fromCharCode(code)));

function isWordCharAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < TABLE_SIZE) return WORD_CHAR[code]!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** The index after the run of letters and digits that starts at `at`. */
function afterWordChars(text: string, at: number): number {
  while (at < text.length) {
    const code = text.charCodeAt(at);
    // A letter of the table is one code unit; anything else is looked at as a code point.
    if (code < TABLE_SIZE) {
      if (!WORD_CHAR[code]) break;
      at++;
    } else if (isWordCharAt(text, at)) at += code >= 0xd800 && code <= 0xdbff && text.codePointAt(at)! > 0xffff ? 2 : 1;
    else break;
  }
  return at;
}
