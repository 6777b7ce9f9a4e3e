import { fold } from '../text/normalize.ts';

/**
 * Words that open ordinary sentences of minutes. A head beginning with one of them is a sentence
 * ("V současnosti se…", "Příští jednání…"), never an organization's name.
 */
const SENTENCE_OPENERS = new Set(
  [
    'a', 'ale', 'bod', 'byl', 'byla', 'bylo', 'byly', 'bude', 'budou', 'co', 'dále', 'další', 'debata', 'diskuse',
    'diskuze', 'do', 'dotaz', 'i', 'je', 'jak', 'jednání', 'jsou', 'k', 'ke', 'kdo', 'na', 'nově', 'o', 'od', 'odkaz',
    'ostatní', 'pak', 'po', 'poznámka', 'pro', 'program', 'prozatím', 'před', 'při', 'příští', 'přítomni', 'různé',
    's', 'se', 'setkání', 'shrnutí', 'situace', 'také', 'tato', 'téma', 'témata', 'ten', 'tento', 'termín', 'termíny',
    'to', 'toto', 'tedy', 'u', 'úkol', 'úkoly', 'usnesení', 'v', 've', 'výsledek', 'z', 'za', 'zápis', 'závěr', 'ze',
    'zpracoval', 'zapsal', 'ověřil', 'hosté', 'omluveni', 'novinky', 'informace', 'projekt', 'proběhlo', 'proběhla',
    'rozhodnutí', 'paní', 'pan', 'pí', 'p', 'kontakt', 'dotazy', 'upozornění', 'pozvánka',
  ].map(fold),
);

const MAX_NAME_WORDS = 6;

/**
 * The leading name of a would-be update ("Diakonie Liberec." / "**Diakonie Liberec**"), or
 * undefined when the text reads as an ordinary sentence. Only bold text, or a short head closed
 * by a full stop or a colon, counts: that is how secretaries write an organization's paragraph.
 */
export function looksLikeOrganizationHead(text: string, isBold: boolean): string | undefined {
  const head = isBold ? text.trim() : /^([^.:;!?–—]{2,60}?)\s*[.:]\s/.exec(`${text} `)?.[1]?.trim();
  if (!head) return undefined;
  const name = head.replace(/[\s.:;,–—-]+$/, '');
  const words = name.split(/\s+/);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return undefined;
  if (!/^\p{Lu}/u.test(name)) return undefined;
  if (SENTENCE_OPENERS.has(fold(words[0]!))) return undefined;
  // A name is mostly capitalised words or abbreviations; a clause has verbs and lowercase words.
  const lowercase = words.filter((w) => /^\p{Ll}/u.test(w) && w.length > 2).length;
  if (lowercase > Math.max(1, words.length / 2)) return undefined;
  return name;
}
