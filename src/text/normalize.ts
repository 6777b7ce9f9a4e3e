/** Lowercase without diacritics: how Czech names are compared ("Naděje" = "nadeje"). */
export function fold(text: string): string {
  return foldedPrefix(text, Infinity);
}

/**
 * fold(text).slice(0, length) without folding the rest: below U+0250 every character folds to
 * exactly one, so the prefix needs only the text's first `length` characters.
 */
export function foldedPrefix(text: string, length: number): string {
  let folded = '';
  for (let i = 0; i < text.length && i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FOLD_TABLE_SIZE) return foldAny(text).slice(0, length);
    folded += FOLD_TABLE[code];
  }
  return folded;
}

function foldAny(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * fold is called for every word the extraction and the search index look at; Unicode
 * normalisation per word was most of their time. Below U+0250 (Latin, Latin-1, Latin Extended-A/B:
 * all of Czech) no character combines with its neighbour, so folding character by character with
 * a table made by foldAny itself gives exactly foldAny's result.
 */
const FOLD_TABLE_SIZE = 0x250;
const FOLD_TABLE: readonly string[] = Array.from({ length: FOLD_TABLE_SIZE }, (_, code) => foldAny(String.fromCharCode(code)));
const FOLD_CODES: readonly number[] = FOLD_TABLE.map((folded) => (folded.length === 1 ? folded.charCodeAt(0) : -1));

/** The code of the one character `code` folds to, or -1 when fold must see its neighbours (beyond U+0250). */
export function foldedCode(code: number): number {
  return code < FOLD_TABLE_SIZE ? FOLD_CODES[code]! : -1;
}

/** Czech collation for everything a person sees sorted ("Č" after "C", "Ch" after "H"). */
export const czechCollator = new Intl.Collator('cs', { sensitivity: 'base' });
