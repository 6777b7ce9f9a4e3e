import { namesOf } from '../registers/register-names.ts';
import { stemCzech } from '../text/czech-stemmer.ts';
import { fold, foldedCode, foldedPrefix } from '../text/normalize.ts';
import { WordScan, words, type Word } from './words.ts';

/** Anything known by names: an organization of the register, a working group of the config. */
export interface Named {
  id: string;
  name: string;
  short?: string | undefined;
  aliases: readonly string[];
}

export interface NameMatch {
  /** Id of the organization or group named. */
  id: string;
  /** The name as written in the text ("Návratu", "Most k Naději"). */
  written: string;
  /** Offsets within the searched text. */
  start: number;
  end: number;
}

interface NamePattern {
  id: string;
  tokens: TokenPattern[];
  capitalized: boolean;
}

interface TokenPattern {
  folded: string;
  stem: string;
  /** Abbreviations match in their own letter case: "KÚ" is the regional office, "ku" is a preposition. */
  caseSensitive: boolean;
  original: string;
}

/** Case endings a name may take in a sentence ("Romodromu", "Návratem", "Naději", "OSPODem"). */
const CASE_ENDINGS = new Set(['a', 'e', 'i', 'u', 'y', 'o', 'ou', 'em', 'ovi', 'um', 'ech', 'ich', 'am', 'ach', 'ami', 'emu', 'eho', 'im', 'ym', 'ymi', 'ych', 'ho', 'mu', 'ove', 'ova', 'ovou']);

/**
 * Recognises organizations of the register (or groups) in running Czech text: insensitive to case
 * and diacritics, tolerant of inflection, and strict with abbreviations so that common words
 * never turn into organizations.
 */
export class NameMatcher {
  readonly #byFirstToken = new Map<string, NamePattern[]>();
  /** Words of the longest name: a text's start is matched on as many words, never more. */
  #longest = 0;
  /** The keys of #byFirstToken as numbers (keyCode), or undefined when one does not fit a number. */
  readonly #firstKeyCodes: Set<number> | undefined;

  constructor(entries: Iterable<Named>) {
    for (const entry of entries) {
      for (const name of new Set(namesOf(entry))) {
        const nameWords = words(name);
        if (nameWords.length === 0) continue;
        const tokens = nameWords.map(toTokenPattern);
        const key = firstTokenKey(nameWords[0]!.text);
        const list = this.#byFirstToken.get(key) ?? [];
        list.push({ id: entry.id, tokens, capitalized: /^\p{Lu}/u.test(name) });
        this.#longest = Math.max(this.#longest, tokens.length);
        this.#byFirstToken.set(key, list);
      }
    }
    // Longest names first: "Městská policie Liberec" wins over "Městská policie".
    for (const list of this.#byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    const codes = [...this.#byFirstToken.keys()].map((key) => keyCode(key, 0, key.length, (code) => code));
    this.#firstKeyCodes = codes.every((code) => code >= 0) ? new Set(codes) : undefined;
  }

  /** The organization a text begins with, if any. */
  matchAtStart(text: string): NameMatch | undefined {
    // A block's head can be a whole paragraph; only its first words can be a name.
    const textWords = words(text, this.#longest);
    if (textWords.length === 0 || text.slice(0, textWords[0]!.start).trim() !== '') return undefined;
    return this.#matchAt(text, textWords, 0);
  }

  /**
   * Every organization named anywhere in a text, in order, without overlaps. The words are looked
   * at without a string or an object each; only a word whose first letters start a name gets the
   * words after it made (as many as the longest name has). Splitting every text into words was two
   * fifths of the matching, and one word in twelve starts like a name.
   */
  findAll(text: string): NameMatch[] {
    const codes = this.#firstKeyCodes;
    const found: NameMatch[] = [];
    const scan = new WordScan(text);
    while (scan.next()) {
      const code = codes ? keyCode(text, scan.start, scan.end, foldedCode) : -1;
      if (code >= 0 && !codes!.has(code)) continue;
      const match = this.#matchFrom(text, scan.start, scan.end);
      if (!match) continue;
      found.push(match);
      // The words of the match are not looked at again.
      while (scan.end < match.end && scan.next());
    }
    return found;
  }

  /**
   * #matchAt for the word at text[start, end): its following words are made only when the first
   * word of a name matches it.
   */
  #matchFrom(text: string, start: number, end: number): NameMatch | undefined {
    const first = text.slice(start, end);
    let window: Word[] | undefined;
    for (const pattern of this.#byFirstToken.get(firstTokenKey(first)) ?? []) {
      if (!tokenMatches(pattern.tokens[0]!, first)) continue;
      window ??= words(text, this.#longest, start);
      const match = matchOf(pattern, text, window, 0);
      if (match) return match;
    }
    return undefined;
  }

  #matchAt(text: string, textWords: Word[], index: number): NameMatch | undefined {
    for (const pattern of this.#byFirstToken.get(firstTokenKey(textWords[index]!.text)) ?? []) {
      const match = matchOf(pattern, text, textWords, index);
      if (match) return match;
    }
    return undefined;
  }
}

/** The name `pattern` at textWords[index], if its words stand there. */
function matchOf(pattern: NamePattern, text: string, textWords: readonly Word[], index: number): NameMatch | undefined {
  if (index + pattern.tokens.length > textWords.length) return undefined;
  if (!pattern.tokens.every((token, k) => tokenMatches(token, textWords[index + k]!.text))) return undefined;
  const first = textWords[index]!;
  // A one-word name is a proper noun: "Naděje" is the organization, "je naděje, že…" is hope.
  // Longer names carry their own proper noun ("ze strany města Liberec").
  if (pattern.capitalized && pattern.tokens.length === 1 && !/^\p{Lu}/u.test(first.text)) return undefined;
  const last = textWords[index + pattern.tokens.length - 1]!;
  // Words of a name stand together: "Most k naději" across a sentence break is no name.
  const span = text.slice(first.start, last.end);
  if (/[.!?;:]\s/.test(span.slice(0, span.length - last.text.length))) return undefined;
  return { id: pattern.id, written: span, start: first.start, end: last.end };
}

function toTokenPattern(word: Word): TokenPattern {
  const original = word.text;
  const letters = original.replace(/[^\p{L}]/gu, '');
  const uppercase = (letters.match(/\p{Lu}/gu) ?? []).length;
  return {
    folded: fold(original),
    stem: stemCzech(original),
    caseSensitive: uppercase >= 2 || (letters.length <= 3 && uppercase >= 1),
    original: stripMarks(original),
  };
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * firstTokenKey of text[start, end) as a number, ten bits a character, each character through
 * `foldCode`; -1 when a character does not fold on its own or does not fit ten bits.
 */
function keyCode(text: string, start: number, end: number, foldCode: (code: number) => number): number {
  let code = 0;
  for (let i = 0; i < KEY_LENGTH && start + i < end; i++) {
    const folded = foldCode(text.charCodeAt(start + i));
    if (folded < 0 || folded >= 1024) return -1;
    code |= folded << (10 * i);
  }
  return code;
}

const KEY_LENGTH = 3;

/** Index by the first three folded letters, so an inflected first word still finds its name. */
function firstTokenKey(word: string): string {
  // Only the prefix is folded: most words of a text start no name, and are looked at for this alone.
  return foldedPrefix(word, KEY_LENGTH);
}

function tokenMatches(token: TokenPattern, written: string): boolean {
  const folded = fold(written);
  if (token.caseSensitive) {
    const plain = stripMarks(written);
    if (plain === token.original) return true;
    // "OSPODem", "CICu": the abbreviation itself in its case, then a lowercase ending.
    return plain.startsWith(token.original) && CASE_ENDINGS.has(plain.slice(token.original.length));
  }
  if (folded === token.folded) return true;
  // One-letter words ("k", "v") and short words must match exactly: inflection tolerance is for longer words.
  if (token.folded.length < 4) return false;
  if (folded.startsWith(token.folded) && CASE_ENDINGS.has(folded.slice(token.folded.length))) return true;
  return stemOf(written) === token.stem;
}

/**
 * stemCzech, remembered for the words last seen: a text's words are compared with the names that
 * start like them, and the same few words ("pro", "města", "kraje") come up thousands of times.
 */
function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    stem = stemCzech(word);
    STEMS.set(word, stem);
  }
  return stem;
}

const STEMS = new Map<string, string>();
const MAX_STEMS = 4096;
