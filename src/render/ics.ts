/**
 * iCalendar (RFC 5545) text of announced meetings. Deterministic: UIDs are derived from group and
 * date, DTSTAMP from the date of the minute that announced the meeting, never from the clock.
 */

export interface CalendarEvent {
  /** Stable and globally unique: "2022-01-10-cizinci@kpss-liberec.github.io". */
  uid: string;
  /** ISO date of the meeting. */
  date: string;
  /** "14:00" local Prague time; without it the event is an all-day one. */
  time?: string;
  /** ISO date the event was announced (DTSTAMP and LAST-MODIFIED). */
  announced: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  categories?: string[];
}

export interface CalendarOptions {
  name: string;
  description?: string;
  /** "-//KPSS Liberec//Archiv zápisů//CS". */
  prodId: string;
}

export const TIME_ZONE = 'Europe/Prague';

/** The EU rules of Central European Time since 1996 (last Sunday of March and of October). */
const PRAGUE_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  // Most lines are short: measuring them whole spares a per-character walk.
  if (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Octets of a code point in UTF-8 (a lone surrogate is written as U+FFFD, 3 octets, as Buffer does). */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function compactDate(date: string): string {
  return date.slice(0, 10).replace(/-/g, '');
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

function compactTime(time: string): string {
  const [h, m] = time.split(':');
  return `${h!.padStart(2, '0')}${m!.padStart(2, '0')}00`;
}

export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(options.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
  ];
  if (options.description) lines.push(`X-WR-CALDESC:${escapeIcsText(options.description)}`);
  if (events.some((event) => event.time)) lines.push(...PRAGUE_VTIMEZONE);
  const sorted = [...events].sort(
    (a, b) => compare(a.date, b.date) || compare(a.time ?? '', b.time ?? '') || compare(a.uid, b.uid),
  );
  return [...lines.map(foldIcsLine), ...sorted.map(eventBlock), 'END:VCALENDAR'].join('\r\n') + '\r\n';
}

/**
 * An event's VEVENT, its lines folded and joined. The same event stands in the calendar of all
 * groups and in its group's: it is written once.
 */
function eventBlock(event: CalendarEvent): string {
  const known = blocks.get(event);
  if (known !== undefined) return known;
  const stamp = `${compactDate(event.announced)}T000000Z`;
  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`];
  if (event.time) {
    lines.push(`DTSTART;TZID=${TIME_ZONE}:${compactDate(event.date)}T${compactTime(event.time)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(event.date)}`, `DTEND;VALUE=DATE:${compactDate(nextDay(event.date))}`);
  }
  lines.push(`SUMMARY:${escapeIcsText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeIcsText).join(',')}`);
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push('TRANSP:OPAQUE', `LAST-MODIFIED:${stamp}`, 'END:VEVENT');
  const block = lines.map(foldIcsLine).join('\r\n');
  blocks.set(event, block);
  return block;
}

const blocks = new WeakMap<CalendarEvent, string>();

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
