/** Czech texts of the search page that depend on numbers and input; pure, so they are unit-tested. */
import { formatCzechMonthGenitive } from '../../render/czech.ts';
import { shardYears } from '../config.ts';

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
  /** Months not searched yet (older shards are searched only when more results are asked for). */
  unsearched?: MonthSpan | undefined;
}

/** First and last month, "2000-01" and "2015-12". */
export interface MonthSpan {
  first: string;
  last: string;
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
    return `${found} ${total} ${noun}${forWhat}${narrowed}, od nejnovějšího. Zápisy ${period(unsearched)} prohledáme, až si řeknete o další výsledky.`;
  }
  return `${found} ${total} ${noun}${forWhat}${narrowed}, od nejnovějšího.`;
}

/**
 * "z roku 2009", "z let 2000–2015"; when a busy year's index is cut into months (search/shards.ts),
 * "z června 2021" or "od ledna 2000 do června 2021".
 */
function period(span: MonthSpan): string {
  const { first, last } = span;
  const { from, to } = shardYears(span);
  if (first.endsWith('-01') && last.endsWith('-12')) return from === to ? `z roku ${from}` : `z let ${from}–${to}`;
  if (first === last) return `z ${formatCzechMonthGenitive(first)}`;
  return `od ${formatCzechMonthGenitive(first)} do ${formatCzechMonthGenitive(last)}`;
}

/** The button under the results while older months are not searched yet. */
export function olderLabel(unsearched: MonthSpan): string {
  return `Zobrazit další výsledky (prohledat i zápisy ${period(unsearched)})`;
}

export const IDLE_STATUS = 'Napište, co hledáte – třeba noclehárna, exekuce nebo Naděje. Můžete psát i bez háčků a čárek.';

export const LOAD_ERROR = 'Vyhledávání se nepodařilo načíst, zkuste prosím stránku obnovit.';

export const SEARCH_ERROR = 'Při hledání došlo k chybě. Zkuste to prosím znovu.';

/** "Zobrazit dalších 10 z 25" on the button under the results. */
export function moreLabel(next: number, remaining: number): string {
  return `Zobrazit ${pluralCs(next, ['další', 'další', 'dalších'])} ${next} ${pluralCs(next, ['výsledek', 'výsledky', 'výsledků'])} (zbývá ${remaining})`;
}
