/** A word of a text with where it stands, so matches can be mapped back to source positions. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

// Letters and digits, with inner dots, hyphens and apostrophes kept ("D.R.A.K.", "k-centra", "R-R").
const WORD = /[\p{L}\p{N}]+(?:[.\-'’][\p{L}\p{N}]+)*\.?/gu;

/** The words of a text, or its first `limit` words. */
export function words(text: string, limit = Infinity): Word[] {
  const found: Word[] = [];
  if (limit <= 0) return found;
  for (const match of text.matchAll(WORD)) {
    let value = match[0];
    // A trailing dot belongs to the word only in abbreviations with inner dots ("D.R.A.K.").
    if (value.endsWith('.') && !value.slice(0, -1).includes('.')) value = value.slice(0, -1);
    found.push({ text: value, start: match.index, end: match.index + value.length });
    if (found.length >= limit) break;
  }
  return found;
}
