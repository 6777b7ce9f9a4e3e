import { namesOf } from '../registers/register-names.ts';
import { stemCzech } from '../text/czech-stemmer.ts';
import { fold, foldedPrefix } from '../text/normalize.ts';
import { words, type Word } from './words.ts';

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
  }

  /** The organization a text begins with, if any. */
  matchAtStart(text: string): NameMatch | undefined {
    // A block's head can be a whole paragraph; only its first words can be a name.
    const textWords = words(text, this.#longest);
    if (textWords.length === 0 || text.slice(0, textWords[0]!.start).trim() !== '') return undefined;
    return this.#matchAt(text, textWords, 0);
  }

  /** Every organization named anywhere in a text, in order, without overlaps. */
  findAll(text: string): NameMatch[] {
    const textWords = words(text);
    const found: NameMatch[] = [];
    for (let i = 0; i < textWords.length; i++) {
      const match = this.#matchAt(text, textWords, i);
      if (!match) continue;
      found.push(match);
      while (i + 1 < textWords.length && textWords[i + 1]!.start < match.end) i++;
    }
    return found;
  }

  #matchAt(text: string, textWords: Word[], index: number): NameMatch | undefined {
    const first = textWords[index]!;
    const candidates = this.#byFirstToken.get(firstTokenKey(first.text)) ?? [];
    for (const pattern of candidates) {
      if (index + pattern.tokens.length > textWords.length) continue;
      const matched = pattern.tokens.every((token, k) => tokenMatches(token, textWords[index + k]!.text));
      if (!matched) continue;
      // A one-word name is a proper noun: "Naděje" is the organization, "je naděje, že…" is hope.
      // Longer names carry their own proper noun ("ze strany města Liberec").
      if (pattern.capitalized && pattern.tokens.length === 1 && !/^\p{Lu}/u.test(first.text)) continue;
      const last = textWords[index + pattern.tokens.length - 1]!;
      // Words of a name stand together: "Most k naději" across a sentence break is no name.
      const span = text.slice(first.start, last.end);
      if (/[.!?;:]\s/.test(span.slice(0, span.length - last.text.length))) continue;
      return { id: pattern.id, written: span, start: first.start, end: last.end };
    }
    return undefined;
  }
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

/** Index by the first three folded letters, so an inflected first word still finds its name. */
function firstTokenKey(word: string): string {
  // Only the prefix is folded: most words of a text start no name, and are looked at for this alone.
  return foldedPrefix(word, 3);
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
  return stemCzech(written) === token.stem;
}
