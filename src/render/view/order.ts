/** Orders and groupings the view's lists share. */
import { groupBy } from '../../pipeline/group-by.ts';
import { routes } from '../urls.ts';
import type { YearGroup } from './types.ts';

export function compareAsc<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDesc<T extends string | number>(a: T, b: T): number {
  return compareAsc(b, a);
}

/** Items (already in display order) grouped by year, years newest first. */
export function byYear<T>(items: readonly T[], year: (item: T) => string): YearGroup<T>[] {
  return [...groupBy(items, year)]
    .sort((a, b) => compareDesc(a[0], b[0]))
    .map(([y, list]) => ({ year: y, url: routes.year(y), items: list }));
}

/** `make` called once per key; later calls with the same key give the same object. */
export function madeOnce<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}
