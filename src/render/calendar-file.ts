/**
 * A calendar of the view: its events and options, and its iCalendar text, made when a page first
 * reads it. A page's data hash (incremental.ts) covers the events and options, of which the text is
 * a function; a warm build whose calendars did not change never makes their texts (at 10,000
 * minutes, two of 5 MB each) nor hashes them.
 */
import { buildCalendar, type CalendarEvent, type CalendarOptions } from './ics.ts';

export interface CalendarFile {
  events: readonly CalendarEvent[];
  options: CalendarOptions;
  /** The iCalendar text; not enumerable, so the data hash sees what it is made of instead. */
  readonly ics: string;
}

export function calendarFile(events: readonly CalendarEvent[], options: CalendarOptions): CalendarFile {
  let text: string | undefined;
  const file = { events, options } as CalendarFile;
  Object.defineProperty(file, 'ics', { enumerable: false, get: () => (text ??= buildCalendar(events, options)) });
  return file;
}
