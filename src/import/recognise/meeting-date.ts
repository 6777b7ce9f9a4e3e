import { isoTime } from '../../extract/czech-dates.ts';
import { isRealDate } from '../../schema/primitives.ts';
import { fold } from '../../text/normalize.ts';

// Folded month names in the nominative ("25. říjen 2021"), genitive ("8. ledna 2024") and locative.
const MONTHS: ReadonlyArray<[string, number]> = [
  ['cervenec|cervence|cervenci', 7],
  ['leden|ledna|lednu', 1],
  ['unor|unora|unoru', 2],
  ['brezen|brezna|breznu', 3],
  ['duben|dubna|dubnu', 4],
  ['kveten|kvetna|kvetnu', 5],
  ['cerven|cervna|cervnu', 6],
  ['srpen|srpna|srpnu', 8],
  ['zari', 9],
  ['rijen|rijna|rijnu', 10],
  ['listopad|listopadu', 11],
  ['prosinec|prosince|prosinci', 12],
];
const MONTH_WORD = MONTHS.map(([names]) => names).join('|');
const WRITTEN_DATE = new RegExp(String.raw`(?<!\d)(\d{1,2})\.\s*(${MONTH_WORD})\s+(\d{4})(?!\d)`);
const NUMERIC_DATE = /(?<!\d)(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})(?!\d)/;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
// What may stand before the date on a date line: a weekday, the town, "dne".
const DATE_LINE_LEAD = /^(?:(?:pondeli|utery|streda|ctvrtek|patek|sobota|nedele)\s*,?\s*|(?:v\s+)?liber(?:ec|ci)\s*,?\s*|(?:ze\s+)?dne\s+)*$/;
const CLOCK = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*(?:hod(?:in[ay]?)?\b\.?|h\b\.?)?`;
const TIME = new RegExp(String.raw`^[\s,;(–—-]*(?:(?:od|v|ve|zahájení|začátek)\s+)?${CLOCK}(?:\s*(?:[-–—]|do)\s*${CLOCK})?\)?`, 'iu');

export interface FoundDate {
  date: string;
  /** Where the written date starts and ends in the line. */
  start: number;
  end: number;
}

/** The first date written in the line, as an ISO date; undefined when there is none or no such day. */
export function findDate(line: string): FoundDate | undefined {
  const folded = fold(line);
  const candidates: FoundDate[] = [];
  const written = WRITTEN_DATE.exec(folded);
  if (written) {
    const month = MONTHS.find(([names]) => names.split('|').includes(written[2]!))![1];
    candidates.push(dated(written, written[3]!, month, written[1]!));
  }
  const numeric = NUMERIC_DATE.exec(folded);
  if (numeric) candidates.push(dated(numeric, numeric[3]!, Number(numeric[2]), numeric[1]!));
  const iso = ISO_DATE.exec(folded);
  if (iso) candidates.push(dated(iso, iso[1]!, Number(iso[2]), iso[3]!));
  const first = candidates.sort((a, b) => a.start - b.start)[0];
  return first && isRealDate(first.date) ? first : undefined;
}

function dated(match: RegExpExecArray, year: string, month: number, day: string): FoundDate {
  const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return { date, start: match.index, end: match.index + match[0].length };
}

/**
 * A line that opens with the meeting's date ("25. říjen 2021, 9:00 hod, – ČvT", "Pondělí
 * 14. 10. 2020", "V Liberci dne 8. 1. 2024"), with what follows the date.
 */
export function dateAtLineStart(line: string): (FoundDate & { rest: string }) | undefined {
  const found = findDate(line);
  if (!found || !DATE_LINE_LEAD.test(fold(line.slice(0, found.start)).trim())) return undefined;
  return { ...found, rest: line.slice(found.end) };
}

export interface TimeAndPlace {
  time?: string;
  endTime?: string;
  venue?: string;
}

/**
 * What follows a date: ", 9:00 hod, – ČvT", " v 13:30", ", 13:30 – 15:00, KÚLK". A number is a
 * time only with minutes or with "hod"/"h": "Tatranská 597" is a street, not a time.
 */
export function timeAndPlace(rest: string): TimeAndPlace {
  const result: TimeAndPlace = {};
  let remaining = rest;
  const match = TIME.exec(rest);
  if (match && (match[2] !== undefined || /h/i.test(match[0].slice(match[0].indexOf(match[1]!))))) {
    const time = isoTime(match[1]!, match[2]);
    if (time) {
      result.time = time;
      const end = match[3] ? isoTime(match[3], match[4]) : undefined;
      if (end && end > time) result.endTime = end;
      remaining = rest.slice(match[0].length);
    }
  }
  // "v 13:30 v KÚLK": the preposition belongs to the sentence, the venue is "KÚLK".
  const venue = remaining
    .replace(/^[\s,;:)–—-]+/, '')
    .replace(/^(?:v|ve)\s+/i, '')
    .replace(/[\s,;–—-]+$/, '')
    .trim();
  if (venue) result.venue = venue;
  return result;
}
