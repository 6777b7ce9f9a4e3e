import { isRealDate } from '../schema/primitives.ts';

const pad = (n: number | string) => String(n).padStart(2, '0');

/** "1. 2. 2024", "1.2.2024" or "2024-02-01" as an ISO date; undefined when it is no real day. */
export function parseCzechDate(written: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written.trim());
  if (iso) return isRealDate(written.trim()) ? written.trim() : undefined;
  const czech = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(written.trim());
  if (!czech) return undefined;
  const date = `${czech[3]}-${pad(czech[2]!)}-${pad(czech[1]!)}`;
  return isRealDate(date) ? date : undefined;
}

/**
 * A day written without its year ("10.1.") falls on or after the meeting that announces it:
 * announced in October 2021, "10.1." means January 2022.
 */
export function inferYear(day: number, month: number, notBefore: string): string | undefined {
  const year = Number(notBefore.slice(0, 4));
  for (const candidate of [year, year + 1]) {
    const date = `${candidate}-${pad(month)}-${pad(day)}`;
    if (isRealDate(date) && date >= notBefore) return date;
  }
  return undefined;
}

export function isoTime(hours: string, minutes: string | undefined): string | undefined {
  const h = Number(hours);
  const m = Number(minutes ?? '0');
  return h <= 23 && m <= 59 ? `${pad(h)}:${pad(m)}` : undefined;
}
