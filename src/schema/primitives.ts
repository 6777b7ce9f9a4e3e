import * as z from 'zod';

/**
 * Format checks carry a tag instead of a message: the validate stage turns the tag into the
 * catalogue's rule (invalid-date, invalid-time…), so the Czech wording lives in one place.
 */
export const FORMAT = { date: 'format:date', time: 'format:time', dateTime: 'format:date-time', id: 'format:id' } as const;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:[ T](([01]\d|2[0-3]):[0-5]\d))?$/;

/** A calendar day that exists: 2021-02-29 does not. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string()
  .regex(DATE_PATTERN, FORMAT.date)
  .refine(isRealDate, FORMAT.date)
  .meta({ description: 'Datum ve tvaru RRRR-MM-DD, např. 2021-10-25.', examples: ['2021-10-25'] });

export const clockTime = z
  .string()
  .regex(TIME_PATTERN, FORMAT.time)
  .meta({ description: 'Čas ve tvaru HH:MM, např. 09:00.', examples: ['09:00', '14:30'] });

export const dateOrDateTime = z
  .string()
  .regex(DATE_TIME_PATTERN, FORMAT.dateTime)
  .refine(isRealDate, FORMAT.dateTime)
  .meta({
    description: 'Datum (RRRR-MM-DD), případně s časem (RRRR-MM-DD HH:MM).',
    examples: ['2022-01-10', '2022-01-10 14:00'],
  });

export const entityId = z
  .string()
  .regex(ID_PATTERN, FORMAT.id)
  .meta({ description: 'Identifikátor: malá písmena bez diakritiky, číslice a pomlčky, např. most-k-nadeji.' });

export const nonEmptyText = z.string().trim().min(1);

export function splitDateTime(value: string): { date: string; time: string | undefined } {
  const match = DATE_TIME_PATTERN.exec(value);
  return { date: match?.[1] ?? value, time: match?.[2] };
}
