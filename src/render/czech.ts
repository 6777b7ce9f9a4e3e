/**
 * Czech presentation of dates, times, counts and sort order. Pure and independent of the
 * machine's locale and ICU version, so the site is byte-identical everywhere.
 */

const MONTHS_GENITIVE = [
  'ledna', 'února', 'března', 'dubna', 'května', 'června',
  'července', 'srpna', 'září', 'října', 'listopadu', 'prosince',
] as const;

const MONTHS_NOMINATIVE = [
  'leden', 'únor', 'březen', 'duben', 'květen', 'červen',
  'červenec', 'srpen', 'září', 'říjen', 'listopad', 'prosinec',
] as const;

const WEEKDAYS = ['neděle', 'pondělí', 'úterý', 'středa', 'čtvrtek', 'pátek', 'sobota'] as const;

const NBSP = '\u00a0';

export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

/** "2021-10-25" (or "2021-10-25 14:00", "2021-10-25T14:00") → its calendar parts. */
export function parseIsoDate(value: string): IsoDateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) throw new Error(`Neplatné datum „${value}“ (očekáváno RRRR-MM-DD).`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new Error(`Neplatné datum „${value}“.`);
  return { year, month, day };
}

export interface CzechDateOptions {
  /** Join the day and the month with a no-break space, as Czech typography asks on screen. */
  nbsp?: boolean;
  /** Prefix the weekday: "pondělí 25. října 2021". */
  weekday?: boolean;
}

/** "2021-10-25" → "25. října 2021". */
export function formatCzechDate(value: string, options: CzechDateOptions = {}): string {
  const { year, month, day } = parseIsoDate(value);
  const space = options.nbsp ? NBSP : ' ';
  const date = `${day}.${space}${MONTHS_GENITIVE[month - 1]} ${year}`;
  return options.weekday ? `${weekdayOf(value)} ${date}` : date;
}

/** "2021-10-25" → "25. 10. 2021" (compact, for tables and narrow cells). */
export function formatCzechDateShort(value: string, options: { nbsp?: boolean } = {}): string {
  const { year, month, day } = parseIsoDate(value);
  const space = options.nbsp ? NBSP : ' ';
  return `${day}.${space}${month}.${space}${year}`;
}

/** "2021-10" style month heading: "říjen 2021". */
export function formatCzechMonth(value: string): string {
  const { year, month } = parseIsoDate(value);
  return `${MONTHS_NOMINATIVE[month - 1]} ${year}`;
}

/** "2021-10" (or a date in it) after a preposition ("od října 2021"): "října 2021". */
export function formatCzechMonthGenitive(value: string): string {
  const { year, month } = parseIsoDate(`${value.slice(0, 7)}-01`);
  return `${MONTHS_GENITIVE[month - 1]} ${year}`;
}

/** Day of the week in Czech, computed from the calendar date alone (no time zone involved). */
export function weekdayOf(value: string): string {
  const { year, month, day } = parseIsoDate(value);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** "09:00" → "9:00"; Czech writes hours without a leading zero. */
export function formatCzechTime(value: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return value;
  return `${Number(match[1])}:${match[2]}`;
}

/** "9:00–11:00" or "9:00". */
export function formatTimeRange(time?: string, endTime?: string): string | undefined {
  if (!time) return undefined;
  return endTime ? `${formatCzechTime(time)}–${formatCzechTime(endTime)}` : formatCzechTime(time);
}

/** "2022-01-10 14:00" (an announced meeting) → date and time. */
export function splitDateTime(value: string): { date: string; time?: string } {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}))?/.exec(value.trim());
  if (!match) throw new Error(`Neplatné datum a čas „${value}“.`);
  return match[2] ? { date: match[1]!, time: match[2] } : { date: match[1]! };
}

/**
 * Czech plural: 1 zápis, 2–4 zápisy, 5+ zápisů (and 0 zápisů).
 * `forms` = [one, few, many].
 */
export function pluralCs(count: number, forms: readonly [string, string, string]): string {
  return `${count}${NBSP}${pluralWordCs(count, forms)}`;
}

/** Just the word of `pluralCs`: 1 → forms[0], 2–4 → forms[1], otherwise forms[2]. */
export function pluralWordCs(count: number, forms: readonly [string, string, string]): string {
  const n = Math.abs(count);
  return n === 1 ? forms[0] : n >= 2 && n <= 4 ? forms[1] : forms[2];
}

const collator = new Intl.Collator('cs', { sensitivity: 'variant', numeric: true });

/**
 * Czech alphabetical order (C < Č < D, H < Ch < I), with a code-unit tie-break so the order is
 * total and therefore stable from build to build.
 */
export function compareCzech(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function sortCzech<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareCzech(key(x), key(y)));
}

/** The year of an ISO date as a string: "2021". */
export function yearOf(value: string): string {
  return String(parseIsoDate(value).year);
}
