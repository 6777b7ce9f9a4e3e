import { location } from 'vfile-location';
import type { Point, Span } from '../diagnostics/diagnostic.ts';

export interface Locator {
  pointAt: (offset: number) => Point;
  spanOf: (range: readonly [number, number]) => Span;
}

/** Offsets to line and column for one file's text (vfile-location, as unified does it). */
export function createLocator(text: string): Locator {
  const place = location(text);
  const pointAt = (offset: number): Point => {
    const point = place.toPoint(Math.min(Math.max(offset, 0), text.length));
    return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
  };
  return { pointAt, spanOf: (range) => ({ start: pointAt(range[0]), end: pointAt(range[1]) }) };
}
