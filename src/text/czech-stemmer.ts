import { fold } from './normalize.ts';

/**
 * Czech light stemmer of Dolamic & Savoy ("Indexing and stemming approaches for the Czech
 * language", Information Processing & Management 45, 2009), as Lucene's CzechStemmer has it:
 * it strips case endings and possessive suffixes and normalises a few consonant alternations.
 * Light on purpose: it conflates "noclehárna/noclehárny", "exekuce/exekucí", "domě/domu"
 * without merging unrelated words the way an aggressive stemmer would.
 *
 * Pure and dependency-free, so the same code stems the index at build time and the query in the browser.
 * It works on folded text (lowercase, no diacritics): members type "nadeje" for "Naděje", so the
 * query and the index must be folded before stemming, not after, or the two would stem apart.
 */
export function stemCzech(word: string): string {
  let s = fold(word);
  s = removeCase(s);
  s = removePossessives(s);
  return s.length > 0 ? normalize(s) : s;
}

/** Endings without diacritics, because stemming runs on folded text. */
const CASE_ENDINGS: ReadonlyArray<readonly [minLength: number, endings: readonly string[]]> = [
  [8, ['atech']],
  [7, ['etem', 'atum']],
  [
    6,
    ['ech', 'ich', 'eho', 'emi', 'emu', 'ete', 'eti', 'iho', 'imi', 'imu', 'ach', 'ata', 'aty', 'ych', 'ama', 'ami', 'ove', 'ovi', 'ymi'],
  ],
  [5, ['em', 'es', 'im', 'um', 'at', 'am', 'os', 'us', 'ym', 'mi', 'ou']],
  [4, ['a', 'e', 'i', 'o', 'u', 'y']],
];

function removeCase(s: string): string {
  for (const [minLength, endings] of CASE_ENDINGS) {
    if (s.length < minLength) continue;
    const ending = endings.find((e) => s.endsWith(e));
    if (ending) return s.slice(0, -ending.length);
  }
  return s;
}

function removePossessives(s: string): string {
  if (s.length > 5 && (s.endsWith('ov') || s.endsWith('in') || s.endsWith('ův'))) return s.slice(0, -2);
  return s;
}

function normalize(s: string): string {
  if (s.endsWith('ct')) return `${s.slice(0, -2)}ck`;
  if (s.endsWith('st')) return `${s.slice(0, -2)}sk`;
  const last = s.at(-1);
  if (last === 'c') return `${s.slice(0, -1)}k`;
  if (last === 'z') return `${s.slice(0, -1)}h`;
  if (s.length > 1 && s.at(-2) === 'e') return `${s.slice(0, -2)}${last}`;
  return s;
}
