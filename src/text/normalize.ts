/** Lowercase without diacritics: how Czech names are compared ("Naděje" = "nadeje"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Czech collation for everything a person sees sorted ("Č" after "C", "Ch" after "H"). */
export const czechCollator = new Intl.Collator('cs', { sensitivity: 'base' });
