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

/**
 * What a value is named by: its own part, and the part of the minute it is of. The minute's part
 * is one string for all the minute's items: a source made whole for each of 200,000 items was a
 * concatenation that V8 copied into one piece when first hashed, ~0.3 s of a warm build.
 */
export type Source = readonly [own: string, minute: string];

/**
 * Kept on the value under a symbol, which JSON, Object.keys and structuredClone pass over: a
 * WeakMap of 200,000 sources cost a warm build ~0.25 s to fill and read, and the property made
 * not enumerable slowed every later read of the model's objects. Being enumerable, it goes along
 * when a value is spread: a value made from another by spreading it must be named anew (madeFrom).
 */
const SOURCE = Symbol('source');

/**
 * The minute's part of its items' sources: its id, date and group, between a space and a line
 * end, so that sources following one another can be told apart.
 */
export function minuteSource(id: string, date: string, group: string): string {
  return ` ${id} ${date} ${group}\n`;
}

/** Names `value` by `own` and `minute` (minuteSource), which must name everything it is made of: equal sources, equal values. */
export function madeFrom<T extends object>(value: T, own: string, minute: string): T {
  (value as Sourced)[SOURCE] = [own, minute];
  return value;
}

/** The source `value` was named by, if it was. */
export function sourceOf(value: object): Source | undefined {
  return (value as Sourced)[SOURCE];
}

type Sourced = { [SOURCE]?: Source };
