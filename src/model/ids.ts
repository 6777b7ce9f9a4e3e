import { fold } from '../text/normalize.ts';

/** A URL- and id-safe slug: "Lukáš Průcha" → "lukas-prucha". */
export function slug(text: string, maxLength = 60): string {
  const value = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return value.slice(0, maxLength).replace(/-+$/, '') || 'x';
}
