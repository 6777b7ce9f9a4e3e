import type { MinuteFields } from './types.ts';

/** The fields a person should fill in by hand: the program is required, the rest is worth a look. */
export function missingFields(fields: MinuteFields): string[] {
  const notes: string[] = [];
  if (!fields.topics) notes.push('Nenalezen program jednání („Témata setkání:“, „Program jednání:“); údaj topics je povinný, doplňte ho.');
  if (!fields.attendees) notes.push('Nenalezen seznam přítomných („Přítomni:“).');
  if (!fields.time) notes.push('Nenalezen čas jednání.');
  if (!fields.venue) notes.push('Nenalezeno místo jednání.');
  if (!fields.recorder) notes.push('Nenalezeno, kdo zápis zpracoval („Zpracoval/a:“, „Zapsal/a:“).');
  return notes;
}

/** A quoted piece of the document, short enough for a one-line note. */
export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
