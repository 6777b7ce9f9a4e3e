/** Czech texts of the search page that depend on numbers and input; pure, so they are unit-tested. */

/** 1 zápis, 2–4 zápisy, 0 and 5+ zápisů. */
export function pluralCs(count: number, forms: readonly [one: string, few: string, many: string]): string {
  if (count === 1) return forms[0];
  if (count >= 2 && count <= 4) return forms[1];
  return forms[2];
}

export interface StatusInput {
  query: string;
  total: number;
  /** Active filters as the member sees them: "rok 2021", "organizace Naděje". */
  filters: string[];
  /** Years not searched yet (older shards are searched only when more results are asked for). */
  unsearched?: { from: number; to: number } | undefined;
}

/** The sentence the live region announces after every search. */
export function resultsStatus({ query, total, filters, unsearched }: StatusInput): string {
  const forWhat = query ? ` pro „${query}“` : '';
  const narrowed = filters.length ? ` (${filters.join(', ')})` : '';
  if (total === 0) {
    const hint = filters.length ? 'Zkuste zrušit některý filtr.' : 'Zkuste jiné nebo kratší slovo.';
    return `Nenašli jsme žádný zápis${forWhat}${narrowed}. ${hint}`;
  }
  const found = pluralCs(total, ['Nalezen', 'Nalezeny', 'Nalezeno']);
  const noun = pluralCs(total, ['zápis', 'zápisy', 'zápisů']);
  if (unsearched) {
    return `${found} ${total} ${noun}${forWhat}${narrowed}, od nejnovějšího. Zápisy z let ${years(unsearched)} prohledáme, až si řeknete o další výsledky.`;
  }
  return `${found} ${total} ${noun}${forWhat}${narrowed}, od nejnovějšího.`;
}

function years({ from, to }: { from: number; to: number }): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** The button under the results while older years are not searched yet. */
export function olderLabel(unsearched: { from: number; to: number }): string {
  return `Zobrazit další výsledky (prohledat i roky ${years(unsearched)})`;
}

export const IDLE_STATUS = 'Napište, co hledáte – třeba noclehárna, exekuce nebo Naděje. Můžete psát i bez háčků a čárek.';

export const LOAD_ERROR = 'Vyhledávání se nepodařilo načíst, zkuste prosím stránku obnovit.';

export const SEARCH_ERROR = 'Při hledání došlo k chybě. Zkuste to prosím znovu.';

/** "Zobrazit dalších 10 z 25" on the button under the results. */
export function moreLabel(next: number, remaining: number): string {
  return `Zobrazit ${pluralCs(next, ['další', 'další', 'dalších'])} ${next} ${pluralCs(next, ['výsledek', 'výsledky', 'výsledků'])} (zbývá ${remaining})`;
}
