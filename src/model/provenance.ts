/**
 * What a piece of the model is made of, named more cheaply than by its content, so a later stage
 * can tell that a piece did not change without looking at it (the open data copies it, a page hash
 * takes the name for it).
 *
 * A meeting's text is named by its analysis: the cache key of the minute's file — its bytes, path,
 * registers and analysis code (model code included) — the id its stored text carries. A minute
 * analysed without a cache has no such id.
 *
 * Updates, mentions and attendance are named by a source (madeFrom): an update or mention by the
 * digest of its extracted self, made where its minute was analysed (minute-part.ts), with its
 * minute's id, date and group; an attendance by everything it holds. Not by their minute's
 * analysis: an edit elsewhere in the minute would then change every organization and person the
 * minute speaks of.
 */
import { textStoreOf } from './stored-text.ts';
import type { RenderedText } from './types.ts';

/** The id of the analysis a minute's text was made by. */
export function analysisOf(body: RenderedText): string | undefined {
  return textStoreOf(body)?.id;
}

const SOURCES = new WeakMap<object, string>();

/** Names `value` by `source`, which must name everything it is made of: equal sources, equal values. */
export function madeFrom<T extends object>(value: T, source: string): T {
  SOURCES.set(value, source);
  return value;
}

/** The source `value` was named by, if it was. */
export function sourceOf(value: object): string | undefined {
  return SOURCES.get(value);
}
